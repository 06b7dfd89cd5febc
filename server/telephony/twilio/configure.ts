// Points the permanence number at this desk through Twilio's REST API: Voice URL, SMS URL, status
// callback, and a Voice Fallback URL that must live elsewhere (a TwiML Bin dialling a fixed backup
// number): when this server is down, Twilio fetches the fallback instead, so a fallback on this same
// server would protect nothing and is refused.
import type { Config } from '../../config';
import { twilioRequest } from './rest';

export interface ConfigureResult {
  phoneNumberSid: string;
  applied: Record<string, string>;
}

export async function configureNumber(config: Config, fetchImpl: typeof fetch = fetch): Promise<ConfigureResult> {
  const { accountSid, phoneNumber, fallbackUrl } = config.twilio;
  if (!accountSid || config.twilio.sandbox) throw new Error('Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN first.');
  if (!phoneNumber) throw new Error('Set TWILIO_PHONE_NUMBER (E.164) to the permanence number.');
  if (!config.publicUrl.startsWith('https://'))
    throw new Error(`PUBLIC_URL must be the https:// address Twilio reaches (now ${config.publicUrl}).`);
  if (!fallbackUrl)
    throw new Error('Set TWILIO_FALLBACK_URL to a TwiML Bin that dials a fixed backup number (see README).');
  if (new URL(fallbackUrl).host === new URL(config.publicUrl).host) {
    throw new Error(
      'TWILIO_FALLBACK_URL is on this server: when the server is down the fallback is down too. Use a TwiML Bin.',
    );
  }
  const list = await twilioRequest(
    config.twilio,
    `/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(phoneNumber)}`,
    undefined,
    fetchImpl,
  );
  const numbers = (list.incoming_phone_numbers ?? []) as { sid: string }[];
  if (!numbers[0]) throw new Error(`${phoneNumber} is not a number of account ${accountSid}.`);
  const site = config.publicUrl.replace(/\/$/, '');
  const applied = {
    VoiceUrl: `${site}/twilio/voice`,
    VoiceMethod: 'POST',
    StatusCallback: `${site}/twilio/voice/status`,
    StatusCallbackMethod: 'POST',
    VoiceFallbackUrl: fallbackUrl,
    VoiceFallbackMethod: 'POST',
    SmsUrl: `${site}/twilio/sms`,
    SmsMethod: 'POST',
  };
  await twilioRequest(config.twilio, `/IncomingPhoneNumbers/${numbers[0].sid}.json`, applied, fetchImpl);
  return { phoneNumberSid: numbers[0].sid, applied };
}
