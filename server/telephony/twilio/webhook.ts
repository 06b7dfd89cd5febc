// Twilio webhooks are declared like API routes, but authenticated by signature instead of a session,
// form-encoded, and answered with TwiML. They never touch the session table: the voice route must
// keep answering when the database does not.
import express, { type Express, type Request, type Response } from 'express';
import type { z, ZodType } from 'zod';
import type { Services } from '../../services';
import { afterCallLogged } from '../voice/incoming';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { markDatabaseFailure, tracked } from './journal';
import { withoutControlCharacters } from './params';
import { isValidTwilioSignature } from './signature';
import { refusedWebhookLimiter } from '../../http/rate-limits';
import { inLanguage } from '../../../shared/rules/say';
import { scrubText } from '../../logger';

export interface TwilioHandlerContext<P, Q> {
  params: P;
  query: Q;
  req: Request;
  services: Services;
}

export interface TwilioRoute<PS extends ZodType = ZodType, QS extends ZodType = ZodType> {
  path: string;
  summary: string;
  /** The POST parameters Twilio sends; unknown ones are kept, missing ones are the schema's business. */
  params: PS;
  query?: QS;
  /** TwiML to answer with, or null for an empty 204 (status callbacks). */
  handler: (ctx: TwilioHandlerContext<z.output<PS>, z.output<QS>>) => Promise<string | null> | string | null;
  /** TwiML to answer with when the parameters do not validate (the voice route still dials). */
  onInvalid?: (services: Services, raw: Record<string, string>) => Promise<string> | string;
}

export function defineTwilioRoute<PS extends ZodType, QS extends ZodType = ZodType>(r: TwilioRoute<PS, QS>): TwilioRoute {
  return r as unknown as TwilioRoute;
}

const form = express.urlencoded({ extended: false, limit: '64kb' });

export function mountTwilioRoutes(app: Express, routes: TwilioRoute[], services: Services): void {
  // Voice and SMS count refused requests in separate buckets, so a flood on one never touches the other;
  // a request with a valid signature is Twilio's own and is never counted or refused.
  const limiters = { voice: refusedWebhookLimiter(), sms: refusedWebhookLimiter() };
  for (const route of routes) {
    const limiter = route.path.startsWith('/twilio/sms') ? limiters.sms : limiters.voice;
    app.post(route.path, form, verifySignature(services), limiter, (req, res, next) => {
      handle(route, req, res, services).catch(next);
    });
  }
  app.all('/twilio/{*rest}', (req, res) => {
    res.status(404).type('text/plain').send(`No Twilio webhook ${req.method} ${req.path}.`);
  });
}

/** Checks the signature before anything else is done; only what fails it meets the rate limiter. */
function verifySignature(services: Services) {
  return (req: Request, res: Response, next: () => void) => {
    const url = services.config.publicUrl.replace(/\/$/, '') + req.originalUrl;
    res.locals.twilioSigned = isValidTwilioSignature(services.config.twilio.authTokens, req.get('x-twilio-signature'), url, stringParams(req.body));
    next();
  };
}

async function handle(route: TwilioRoute, req: Request, res: Response, services: Services): Promise<void> {
  if (res.locals.twilioSigned !== true) {
    services.logger.warn({ path: req.path }, 'twilio webhook with a bad or missing signature refused');
    res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature.');
    return;
  }
  const raw = withoutControlCharacters(stringParams(req.body));
  const rawQuery = withoutControlCharacters(stringParams(req.query));
  const params = route.params.safeParse(raw);
  const query = (route.query ?? passthrough).safeParse(rawQuery);
  if (!params.success || !query.success) {
    const issues = [...(params.error?.issues ?? []), ...(query.error?.issues ?? [])].map((i) => `${i.path.join('.')}: ${inLanguage(i.message, 'en')}`); // read by developers in Twilio's debugger
    services.logger.warn({ path: req.path, issues: issues.map(scrubText) }, 'twilio webhook with invalid parameters');
    if (route.onInvalid) return sendTwiml(res, await route.onInvalid(services, raw));
    res.status(400).type('text/plain').send(`Invalid parameters: ${issues.join('; ')}`);
    return;
  }
  const run = await tracked(async () => {
    try {
      return await route.handler({ params: params.data, query: query.data, req, services });
    } catch (err) {
      // Whatever failed, Twilio gets a safe answer and the webhook is journalled: replayed when the
      // database is back, parked with its reason if it keeps failing (see journal.ts).
      markDatabaseFailure(err);
      if (!isDatabaseUnavailable(err)) services.logger.error({ err: errorSummary(err), path: route.path }, 'webhook step failed; journalled');
      return route.path.includes('status') ? null : '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
    }
  });
  if (run.result === null) res.status(204).end();
  else sendTwiml(res, run.result);
  // Answered; now make sure what it should have written is written, or journalled for replay.
  const logged = await Promise.race([afterCallLogged(raw.CallSid).then(() => true), sleep(2000).then(() => false)]);
  if (run.failed() || !logged) {
    services.webhookJournal.add(services, { path: route.path, params: raw, query: rawQuery, at: services.clock.now().toISOString(), tries: 0 });
  }
}

/** An error without what it carried: SQL parameters and messages may hold a caller's number or text. */
const errorSummary = (err: unknown) => ({ type: err instanceof Error ? err.name : typeof err, code: (err as { code?: unknown })?.code });

const sleep = (ms: number) => new Promise((resolve) => { setTimeout(resolve, ms).unref(); });

const passthrough = { safeParse: (v: unknown) => ({ success: true as const, data: v, error: undefined }) } as unknown as ZodType;

function sendTwiml(res: Response, twiml: string): void {
  res.status(200).type('text/xml').send(twiml);
}

function stringParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
