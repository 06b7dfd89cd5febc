// Twilio webhooks over HTTP: authenticated by signature instead of a session, form-encoded, answered with
// TwiML. What a webhook does is run by pipeline.ts, the same for a live request and a journal replay; this
// adapter only reads the form, checks the signature, limits what is refused, answers, and journals what
// was not stored. It never touches the session table: the voice route must keep answering when the
// database does not.
//
// Twilio's requests come in by a front door of their own, ahead of Express (issue 17): a signed POST to a
// webhook is read, checked and answered on node:http alone, so a call costs the signature, the handler and
// one write, not Express's router, its request objects and the console's middleware (measured: a bare
// Express route does about half of what node:http does with the same work). Whatever the front door does
// not answer (a bad signature, another method or path) goes on to Express unchanged, where the refused are
// rate-limited and answered.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Express, Request, Response } from 'express';
import { refusedWebhookLimiter } from '../../http/rate-limits';
import { scrubText } from '../../logger';
import type { Services } from '../../services';
import { withoutControlCharacters } from './params';
import { runWebhook, type TwilioRoute } from './pipeline';
import { isValidTwilioSignature } from './signature';

export { defineTwilioRoute, type TwilioHandlerContext, type TwilioRoute } from './pipeline';

/** Resolves once what a call's webhooks started writing is written (the call flow's, given by the caller). */
export type Settled = (callSid: string | undefined) => Promise<void>;

/** Twilio's form bodies are a few hundred bytes; an SMS of 1,600 characters fits many times over. */
const FORM_LIMIT = 64 * 1024;

/** How an answer is written: the front door writes it on node:http, Express with its own response. */
type Reply = (status: number, type: string | null, body: string) => void;

/**
 * The server's request listener: Twilio's signed webhooks are answered here, everything else goes on to
 * `rest` (the Express app).
 * @public
 */
export function twilioFrontDoor(
  routes: TwilioRoute[],
  services: Services,
  settled: Settled,
  rest: RequestListener,
): RequestListener {
  const byPath = new Map(routes.map((r) => [r.path, r]));
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const route = req.method === 'POST' ? byPath.get(q < 0 ? url : url.slice(0, q)) : undefined;
    if (!route || !isForm(req)) {
      rest(req, res);
      return;
    }
    readForm(req, res, (params) => {
      const signature = req.headers['x-twilio-signature'];
      const tokens = services.config.twilio.authTokens;
      if (
        typeof signature !== 'string' ||
        !isValidTwilioSignature(tokens, signature, publicUrl(services, url), params)
      ) {
        rest(req, res); // refused by Express, with the limiter for refused requests
        return;
      }
      const query = q < 0 ? {} : stringParams(parseForm(url.slice(q + 1)));
      answer(route, params, query, services, settled, replyOnNode(res)).catch((err: unknown) => {
        services.logger.error({ err, path: route.path }, 'twilio webhook failed');
        if (!res.headersSent) replyOnNode(res)(500, 'text/plain', 'Internal error; it has been logged.');
      });
    });
  };
}

/**
 * The Express side of the webhooks: what the front door refused (no valid signature) is rate-limited per
 * address and answered 403; any other method or path under /twilio/ is 404.
 * @public
 */
export function mountTwilioRoutes(app: Express, routes: TwilioRoute[], services: Services): void {
  // Voice and SMS count refused requests in separate buckets, so a flood on one never touches the other.
  const limiters = { voice: refusedWebhookLimiter(), sms: refusedWebhookLimiter() };
  for (const route of routes) {
    const limiter = route.path.startsWith('/twilio/sms') ? limiters.sms : limiters.voice;
    app.post(route.path, limiter, (req: Request, res: Response) => {
      services.logger.warn({ path: req.path }, 'twilio webhook with a bad or missing signature refused');
      res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature.');
    });
  }
  app.all('/twilio/{*rest}', (req, res) => {
    res.status(404).type('text/plain').send(`No Twilio webhook ${req.method} ${req.path}.`);
  });
}

const isForm = (req: IncomingMessage) =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

const publicUrl = (services: Services, url: string) => services.config.publicUrl.replace(/\/$/, '') + url;

/** Reads the form body (at most FORM_LIMIT bytes, else 413) and hands over its string parameters. */
function readForm(req: IncomingMessage, res: ServerResponse, then: (params: Record<string, string>) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > FORM_LIMIT) {
    tooLarge(req, res);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > FORM_LIMIT) tooLarge(req, res);
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (size <= FORM_LIMIT) then(stringParams(parseForm(Buffer.concat(chunks).toString('utf8'))));
  });
  req.on('error', () => res.destroy()); // the client went away mid-body: nobody is left to answer
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) return;
  res.shouldKeepAlive = false;
  replyOnNode(res)(413, 'text/plain', 'The request is too large.');
  req.resume();
}

function replyOnNode(res: ServerResponse): Reply {
  return (status, type, body) => {
    if (type === null) {
      res.writeHead(status).end();
      return;
    }
    res
      .writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body) })
      .end(body);
  };
}

/** Runs a signed webhook, answers it, then makes sure what it should have written is written or journalled. */
async function answer(
  route: TwilioRoute,
  params: Record<string, string>,
  query: Record<string, string>,
  services: Services,
  settled: Settled,
  reply: Reply,
): Promise<void> {
  const raw = withoutControlCharacters(params);
  const rawQuery = withoutControlCharacters(query);
  const outcome = await runWebhook(route, raw, rawQuery, services);
  if (outcome.kind === 'invalid') {
    services.logger.warn(
      { path: route.path, issues: outcome.issues.map(scrubText) },
      'twilio webhook with invalid parameters',
    );
    if (route.onInvalid) reply(200, 'text/xml', await route.onInvalid(services, raw));
    else reply(400, 'text/plain', `Invalid parameters: ${outcome.issues.join('; ')}`); // read in Twilio's debugger
    return;
  }
  if (outcome.twiml === null) reply(204, null, '');
  else reply(200, 'text/xml', outcome.twiml);
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

function stringParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
