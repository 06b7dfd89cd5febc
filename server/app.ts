// Composition root: builds the Express app, socket.io and the services every route receives.
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import type { Clock } from './clock';
import type { Config } from './config';
import type { DatabaseHandle } from './db/index';
import { cookies } from './http/cookies';
import { refuseDeepJson } from './http/body-depth';
import { errorHandler } from './http/error-handler';
import { speakTheReadersLanguage } from './http/language';
import { mountRoutes } from './http/mount';
import { buildOpenApi } from './http/openapi';
import { defineRoute, type RouteSpec } from './http/route';
import { openApiAnswer } from '../shared/api/ops';
import type { Logger } from './logger';
import { attachRealtime } from './realtime/realtime';
import { apiRoutes } from './routes';
import { twilioRoutes, webhookWritesSettled } from './telephony/webhooks';
import { mountTwilioRoutes, twilioFrontDoor } from './telephony/twilio/webhook';
import { LastKnownRota } from './telephony/voice/last-known-rota';
import { keepRotaFresh } from './telephony/voice/keep-fresh';
import { startHoldExpiry } from './capacity/expiry';
import { startOutboxWorker } from './telephony/outbox/worker';
import { startRotaNotifications } from './roster/notifications';
import { startHandoffRounds } from './handoffs/rounds';
import { loginLimiter } from './http/rate-limits';
import { WebhookJournal } from './telephony/twilio/journal';
import { startJournalReplay } from './telephony/replay';
import { watchDatabaseHealth } from './ops/health-watch';
import { startRetention } from './privacy/retention';
import { startHandoverSms } from './handoffs/shift-summary';
import type { Services } from './services';
import { fromRoot } from './paths';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** Send the outbox in the background (default). Tests turn it off and send with processOutboxOnce. */
  outboxWorker?: boolean;
  /** Folder of the built console; omitted in API-only tests. */
  clientDir?: string | null;
  /** Tests only: every answer is checked against its schema in shared/api; a mismatch is a 500. */
  checkAnswers?: boolean;
}

export interface App {
  server: Server;
  /** The Express app itself: tests read the routes it mounted (server/ops/ops.test.ts). */
  express: express.Express;
  services: Services;
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_DIR = fromRoot('dist/client');

export function createApp(opts: AppOptions): App {
  const app = express();
  // Twilio's webhooks are answered ahead of Express (twilio/webhook.ts); the front door needs the services,
  // which need the server, so the listener is set once they exist.
  let listener: RequestListener = app;
  const server = createServer((req, res) => listener(req, res));
  const realtime = attachRealtime(
    server,
    opts.database.db,
    opts.clock,
    opts.database.pgPool,
    (err) => opts.logger.warn({ err }, 'socket.io postgres adapter error'),
    { publicUrl: opts.config.publicUrl },
  );
  const services: Services = {
    db: opts.database.db,
    dbKind: opts.database.kind,
    ping: opts.database.ping,
    clock: opts.clock,
    config: opts.config,
    logger: opts.logger,
    realtime,
    lastKnownRota: new LastKnownRota(`${opts.config.dataDir}/last-known-rota.json`),
    webhookJournal: new WebhookJournal(opts.config.dataDir),
    localUrl: null,
  };
  const stopFreshness = keepRotaFresh(services);
  const stopHoldExpiry = startHoldExpiry(services);
  const outbox = opts.outboxWorker === false ? null : startOutboxWorker(services);
  const stopRotaNotifications = startRotaNotifications(services);
  const stopHandoffRounds = startHandoffRounds(services);
  const stopHandoverSms = startHandoverSms(services);
  const stopJournalReplay = startJournalReplay(services);
  const stopHealthWatch = watchDatabaseHealth(services);
  const stopRetention = startRetention(services);

  app.disable('x-powered-by');
  app.set('trust proxy', opts.config.trustProxy); // req.ip is the real client behind the proxies named in TRUST_PROXY
  listener = twilioFrontDoor(twilioRoutes, services, webhookWritesSettled, app);
  // What the front door refused (no valid signature) meets no console middleware either.
  mountTwilioRoutes(app, twilioRoutes, services);
  app.use(helmet({ contentSecurityPolicy: { directives: csp(opts.config) } }));
  // Escape <, > and & in every JSON answer: a hostile string echoed in an error can never become markup.
  app.set('json escape', true);
  app.use(speakTheReadersLanguage);
  app.use(express.json({ limit: '100kb' }));
  app.use(refuseDeepJson);
  app.use(cookies);

  const routes = [...apiRoutes, openApiRoute()];
  app.use('/api/auth/login', loginLimiter(opts.config));
  mountRoutes(app, routes, services, { checkAnswers: opts.checkAnswers });
  serveConsole(app, opts.clientDir === undefined ? DEFAULT_CLIENT_DIR : opts.clientDir);
  app.use(errorHandler(opts.logger));

  return {
    server,
    express: app,
    services,
    listen: (port = opts.config.port, host = opts.config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          const actual = typeof addr === 'object' && addr ? addr.port : port;
          services.localUrl = `http://127.0.0.1:${actual}`;
          resolve(actual);
        });
      }),
    close: async () => {
      stopFreshness();
      stopHoldExpiry();
      stopHandoffRounds();
      stopHandoverSms();
      stopJournalReplay();
      stopHealthWatch();
      stopRetention();
      outbox?.stop();
      stopRotaNotifications();
      const closed = realtime.close(); // also stops the HTTP server accepting and waits for open requests
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(grace);
    },
  };
}

/** The document for this desk: served at /api/openapi.json, linted by `npm run openapi:lint`. */
export const openApiDocument = (publicUrl: string): ReturnType<typeof buildOpenApi> =>
  buildOpenApi([...apiRoutes, openApiRoute()], twilioRoutes, { title: 'Permanentie API', version: '0.1.0' }, publicUrl);

function openApiRoute(): RouteSpec {
  return defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'ops',
    policy: 'public',
    summary: 'This document: OpenAPI 3.1, generated from the request and answer schemas',
    response: openApiAnswer,
    handler: ({ services }) => openApiDocument(services.config.publicUrl),
  });
}

function csp(config: Config) {
  return {
    defaultSrc: ["'self'"],
    connectSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    styleSrc: ["'self'"],
    scriptSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
  };
}

function serveConsole(app: express.Express, dir: string | null): void {
  if (!dir) return;
  if (!existsSync(dir)) {
    app.get('/', (_req, res) => {
      res.type('text').send('The console is not built: run `npm run build:client`.');
    });
    return;
  }
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Client-side routes (/bord, /rooster, ...) all load the single page.
  app.get(/^\/(?!api\/|twilio\/|socket\.io\/|healthz).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir });
  });
}
