// Twilio's REST API over fetch: Basic auth with the account SID and the current token, a timeout,
// and Twilio's error message in the exception. TWILIO_API_URL lets a test double stand in.
import type { TwilioConfig } from '../../config';

/** @public */
export class TwilioRestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

/** @public */
export async function twilioRequest(
  cfg: TwilioConfig,
  path: string,
  form?: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<Record<string, unknown>> {
  if (!cfg.accountSid || cfg.sandbox) throw new Error('Twilio is not configured (sandbox).');
  const res = await fetchImpl(`${cfg.apiUrl}/2010-04-01/Accounts/${cfg.accountSid}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: {
      authorization: `Basic ${Buffer.from(`${cfg.accountSid}:${cfg.authTokens[0]}`).toString('base64')}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
    signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new TwilioRestError(
      res.status,
      `Twilio answered ${res.status}: ${String(body.message ?? res.statusText)}`,
      typeof body.code === 'number' ? body.code : null,
    );
  return body;
}
