// Twilio webhooks over HTTP: authenticated by signature instead of a session, form-encoded, answered with
// TwiML. What a webhook does is run by pipeline.ts, the same for a live request and a journal replay; this
// adapter only checks the signature, limits what is refused, answers, and journals what was not stored.
// It never touches the session table: the voice route must keep answering when the database does not.
import express, { type Express, type Request, type Response } from 'express';
import { refusedWebhookLimiter } from '../../http/rate-limits';
import { scrubText } from '../../logger';
import type { Services } from '../../services';
import { withoutControlCharacters } from './params';
import { runWebhook, type TwilioRoute } from './pipeline';
import { isValidTwilioSignature } from './signature';

export { defineTwilioRoute, type TwilioHandlerContext, type TwilioRoute } from './pipeline';

/** Resolves once what a call's webhooks started writing is written (the call flow's, given by the caller). */
export type Settled = (callSid: string | undefined) => Promise<void>;

const form = express.urlencoded({ extended: false, limit: '64kb' });

/** @public */
export function mountTwilioRoutes(app: Express, routes: TwilioRoute[], services: Services, settled: Settled): void {
  // Voice and SMS count refused requests in separate buckets, so a flood on one never touches the other;
  // a request with a valid signature is Twilio's own and is never counted or refused.
  const limiters = { voice: refusedWebhookLimiter(), sms: refusedWebhookLimiter() };
  for (const route of routes) {
    const limiter = route.path.startsWith('/twilio/sms') ? limiters.sms : limiters.voice;
    // Signed requests (all of Twilio's) skip the limiter entirely rather than through its `skip`, which
    // still costs a key and a promise per call on the answering path.
    const limitRefused = (req: Request, res: Response, next: () => void) =>
      res.locals.twilioSigned === true ? next() : limiter(req, res, next);
    app.post(route.path, form, verifySignature(services), limitRefused, (req, res, next) => {
      handle(route, req, res, services, settled).catch(next);
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
    const signature = req.get('x-twilio-signature');
    const params = stringParams(req.body);
    res.locals.twilioParams = params; // read once: the handler uses the very parameters that were signed
    res.locals.twilioSigned = isValidTwilioSignature(services.config.twilio.authTokens, signature, url, params);
    next();
  };
}

async function handle(route: TwilioRoute, req: Request, res: Response, services: Services, settled: Settled) {
  if (res.locals.twilioSigned !== true) {
    services.logger.warn({ path: req.path }, 'twilio webhook with a bad or missing signature refused');
    res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature.');
    return;
  }
  const raw = withoutControlCharacters(res.locals.twilioParams as Record<string, string>);
  const rawQuery = withoutControlCharacters(stringParams(req.query));
  const outcome = await runWebhook(route, raw, rawQuery, services);
  if (outcome.kind === 'invalid') {
    services.logger.warn(
      { path: req.path, issues: outcome.issues.map(scrubText) },
      'twilio webhook with invalid parameters',
    );
    if (route.onInvalid) return sendTwiml(res, await route.onInvalid(services, raw));
    // Read by developers in Twilio's debugger.
    res
      .status(400)
      .type('text/plain')
      .send(`Invalid parameters: ${outcome.issues.join('; ')}`);
    return;
  }
  if (outcome.twiml === null) res.status(204).end();
  else sendTwiml(res, outcome.twiml);
  // Answered; now make sure what it should have written is written, or journalled for replay.
  const logged = await settledWithin(settled(raw.CallSid), 2000);
  if (outcome.failed() || !logged) {
    const at = services.clock.now().toISOString();
    services.webhookJournal.add(services, { path: route.path, params: raw, query: rawQuery, at, tries: 0 });
  }
}

/** True when `work` settles within `ms`; its timer is cleared as soon as it does (one per webhook). */
function settledWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

function sendTwiml(res: Response, twiml: string): void {
  res.status(200).type('text/xml').send(twiml);
}

function stringParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
