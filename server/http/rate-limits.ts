// Rate limits per client address, per instance (express-rate-limit's memory store): enough to blunt a
// password-guessing script or a flood of forged webhooks. The per-username lockout in auth/throttle.ts
// is in the database and holds across instances; these limits only protect each process.
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { say } from '../../shared/rules/say';

/** Sign-in attempts (failed or not) from one address. */
export function loginLimiter(config: Config) {
  return rateLimit({
    windowMs: 60_000, limit: config.loginRatePerMinute, standardHeaders: 'draft-7', legacyHeaders: false,
    handler: (_req, res) => { res.status(429).json({ error: say('Te veel aanmeldpogingen vanaf dit adres; wacht een minuut en probeer opnieuw.', 'Too many sign-in attempts from this address; wait a minute and try again.') }); },
  });
}

/**
 * Webhook requests that failed (bad signature, bad parameters) from one address. Successful ones do
 * not count, so Twilio itself is never slowed down on a busy night, but a forger is after 30 tries.
 */
export function webhookLimiter() {
  return rateLimit({
    windowMs: 60_000, limit: 30, skipSuccessfulRequests: true, standardHeaders: 'draft-7', legacyHeaders: false,
    handler: (_req, res) => { res.status(429).type('text/plain').send('Too many refused webhook requests from this address.'); },
  });
}
