// X-Twilio-Signature: HMAC-SHA1 over the public URL and the sorted POST parameters (twilio's own
// implementation, constant-time compare). Checked before anything else, with every configured token.
import twilio from 'twilio';

export function isValidTwilioSignature(
  tokens: readonly string[],
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): boolean {
  if (!signature) return false;
  return tokens.some((token) => twilio.validateRequest(token, signature, url, params));
}

/** What Twilio would send for these parameters (for the call simulator and tests). */
export function signTwilioRequest(token: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(token, url, params);
}
