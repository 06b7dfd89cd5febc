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
    app.post(route.path, form, verifySignature(services), limiter, (req, res, next) => {
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
    res.locals.twilioSigned = isValidTwilioSignature(
      services.config.twilio.authTokens,
      signature,
      url,
      stringParams(req.body),
    );
    next();
  };
}

async function handle(route: TwilioRoute, req: Request, res: Response, services: Services, settled: Settled) {
  if (res.locals.twilioSigned !== true) {
    services.logger.warn({ path: req.path }, 'twilio webhook with a bad or missing signature refused');
    res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature.');
    return;
  }
  const raw = withoutControlCharacters(stringParams(req.body));
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
  const logged = await Promise.race([settled(raw.CallSid).then(() => true), sleep(2000).then(() => false)]);
  if (outcome.failed() || !logged) {
    const at = services.clock.now().toISOString();
    services.webhookJournal.add(services, { path: route.path, params: raw, query: rawQuery, at, tries: 0 });
  }
}

const sleep = (ms: number) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

function sendTwiml(res: Response, twiml: string): void {
  res.status(200).type('text/xml').send(twiml);
}

function stringParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
