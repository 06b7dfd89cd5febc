// Rate limits per client address, per instance (express-rate-limit's memory store): enough to blunt a
// password-guessing script or a flood of forged webhooks. The per-username lockout in auth/throttle.ts
// is in the database and holds across instances; these limits only protect each process. Both key on
// req.ip, the client as TRUST_PROXY lets Express read it (an IPv6 client by its /56, as one host holds many).
const byClient = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Request } from 'express';
import type { Config } from '../config';
import { say } from '../../shared/rules/say';

/**
 * Sign-in attempts (failed or not) from one address.
 * @public
 */
export function loginLimiter(config: Config) {
  return rateLimit({
    windowMs: 60_000,
    limit: config.loginRatePerMinute,
    keyGenerator: byClient,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        error: say(
          'Te veel aanmeldpogingen vanaf dit adres; wacht een minuut en probeer opnieuw.',
          'Too many sign-in attempts from this address; wait a minute and try again.',
        ),
      });
    },
  });
}

/**
 * Webhook requests refused for their signature, from one address. The limiter is mounted after the
 * signature check and skips every signed request: Twilio itself is never counted, never slowed and
 * never refused, however busy the night; a forger is refused after 30 tries a minute.
 * @public
 */
export function refusedWebhookLimiter() {
  return rateLimit({
    windowMs: 60_000,
    limit: 30,
    keyGenerator: byClient,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (_req, res) => res.locals.twilioSigned === true,
    handler: (_req, res) => {
      res.status(429).type('text/plain').send('Too many refused webhook requests from this address.');
    },
  });
}
