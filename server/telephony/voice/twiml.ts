// The words the line speaks (Dutch first) and the TwiML around them. No decisions here: the routes
// decide, these only build. Every URL is relative, so Twilio resolves it against the public URL.
import twilio from 'twilio';
import type { TwilioConfig } from '../../config';
import type { ChainStep } from '../../db/schema';

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

/** How long a step rings before the line moves on (Twilio's default is 30 s: too long for a caller). */
export const RING_SECONDS = 20;
export const SCREEN_SECONDS = 8;

const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

function say(r: VoiceResponse, cfg: TwilioConfig, text: string): void {
  r.say({ language: cfg.language as 'nl-BE', ...(cfg.voice ? { voice: cfg.voice as 'alice' } : {}) }, text);
}

export const greeting = (outOfHours: boolean) =>
  outOfHours
    ? 'Permanentie noodopvang. U wordt doorverbonden met de medewerker van wacht. Een ogenblik.'
    : 'Permanentie noodopvang. U wordt doorverbonden met de dienst. Een ogenblik.';

export function answerCall(
  cfg: TwilioConfig,
  outOfHours: boolean,
  chain: ChainStep[],
  callerName: string | null,
): string {
  const r = new twilio.twiml.VoiceResponse();
  say(r, cfg, greeting(outOfHours));
  appendStep(r, cfg, chain, 0, callerName);
  return r.toString();
}

/** The next step of the chain, or the voicemail when none is left. */
export function nextStep(cfg: TwilioConfig, chain: ChainStep[], step: number, callerName: string | null): string {
  const r = new twilio.twiml.VoiceResponse();
  appendStep(r, cfg, chain, step, callerName);
  return r.toString();
}

function appendStep(
  r: VoiceResponse,
  cfg: TwilioConfig,
  chain: ChainStep[],
  step: number,
  callerName: string | null,
): void {
  const target = chain[step];
  if (!target) {
    appendVoicemail(r, cfg);
    return;
  }
  const screen: Record<string, string | number> = { step };
  if (callerName) screen.caller = callerName;
  const dial = r.dial({ action: `/twilio/voice/dialled?${q({ step })}`, timeout: RING_SECONDS, answerOnBridge: true });
  dial.number({ url: `/twilio/voice/screen?${q(screen)}` }, target.number);
}

function appendVoicemail(r: VoiceResponse, cfg: TwilioConfig): void {
  say(
    r,
    cfg,
    'Niemand van de permanentie kon uw oproep nu aannemen. Spreek na de toon uw naam, uw telefoonnummer en de situatie in, en druk dan op hekje. We bellen u zo snel mogelijk terug.',
  );
  r.record({ action: '/twilio/voice/recorded', maxLength: 180, playBeep: true, finishOnKey: '#' });
  say(r, cfg, 'We hebben geen bericht ontvangen. We bellen u terug op het nummer waarmee u belt.');
  r.hangup();
}

/** Played to the worker who picks up, before the caller is put through: no key, no connection. */
export function screening(cfg: TwilioConfig, step: number, callerName: string | null): string {
  const r = new twilio.twiml.VoiceResponse();
  const who = callerName ?? 'een nummer dat we niet kennen';
  const gather = r.gather({ numDigits: 1, timeout: SCREEN_SECONDS, action: `/twilio/voice/screened?${q({ step })}` });
  say(gather as unknown as VoiceResponse, cfg, `Noodopvang permanentie. Oproep van ${who}. Druk 1 om aan te nemen.`);
  r.hangup();
  return r.toString();
}

export function accepted(cfg: TwilioConfig): string {
  const r = new twilio.twiml.VoiceResponse();
  say(r, cfg, 'U wordt verbonden.');
  return r.toString();
}

export function hangup(): string {
  const r = new twilio.twiml.VoiceResponse();
  r.hangup();
  return r.toString();
}

export function thanksAfterMessage(cfg: TwilioConfig): string {
  const r = new twilio.twiml.VoiceResponse();
  say(r, cfg, 'Dank u. We bellen u zo snel mogelijk terug. Dag.');
  r.hangup();
  return r.toString();
}
