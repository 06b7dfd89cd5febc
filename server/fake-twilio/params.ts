// The parameters Twilio sends with each voice request, and the shapes shared by the interpreter files.
import type { PhoneBook } from './phones';
import type { Http } from './signing';
import type { LegKind, Listener, Params } from './types';

export interface VoiceConfig {
  accountSid: string;
  phoneNumber: string;
  voiceUrl: string;
  voiceFallbackUrl: string | null;
  statusCallbackUrl: string | null;
  progressCallbacks: boolean;
  shuffleStatusCallbacks: boolean;
  maxRequestsPerCall: number;
}
export interface VoiceContext {
  config: VoiceConfig;
  http: Http;
  phones: PhoneBook;
}

/** A call leg as the interpreter sees it: the caller's (parent) or a dialled person's (child). */
export interface Leg {
  kind: LegKind;
  sid: string;
  listener: Listener;
  /** The dialled number, on a child leg. */
  number?: string;
  params(): Params;
  /** The keys pressed at the next <Gather>, or null for none. */
  nextDigits(): string | null;
}

const COUNTRY: Record<string, string> = {
  '+32': 'BE',
  '+31': 'NL',
  '+33': 'FR',
  '+49': 'DE',
  '+44': 'GB',
  '+352': 'LU',
  '+1': 'US',
};
const country = (n: string) => Object.entries(COUNTRY).find(([p]) => n.startsWith(p))?.[1] ?? '';
const geo = (p: string, n: string): Params => ({
  [`${p}City`]: '',
  [`${p}State`]: '',
  [`${p}Zip`]: '',
  [`${p}Country`]: country(n),
});

/** An inbound call's parameters (Voice URL, actions, status callbacks), FromCity...CalledCountry included. */
export const inboundParams = (
  accountSid: string,
  callSid: string,
  from: string,
  to: string,
  callStatus: string,
): Params => ({
  AccountSid: accountSid,
  ApiVersion: '2010-04-01',
  CallSid: callSid,
  CallStatus: callStatus,
  Direction: 'inbound',
  From: from,
  To: to,
  Caller: from,
  Called: to,
  ...geo('From', from),
  ...geo('To', to),
  ...geo('Caller', from),
  ...geo('Called', to),
});

/** A dialled (child) leg's parameters: its own CallSid (the DialCallSid), ParentCallSid, Direction outbound-dial. */
export const childParams = (
  accountSid: string,
  callSid: string,
  parentCallSid: string,
  callerId: string,
  number: string,
): Params => ({
  AccountSid: accountSid,
  ApiVersion: '2010-04-01',
  CallSid: callSid,
  ParentCallSid: parentCallSid,
  From: callerId,
  To: number,
  Caller: callerId,
  Called: number,
  CallStatus: 'in-progress',
  Direction: 'outbound-dial',
});
