// A toy webhook server for testing the fake itself (not the real desk): Express, signatures checked
// with twilio.validateRequest over the public URL, TwiML for a greet / screen / next number / voicemail flow.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type Response } from 'express';
import twilio from 'twilio';
import { FakeTwilio, type FakeTwilioOptions } from './index';

export const PUBLIC = 'https://desk.example.be';
export const TOKEN = 'toy-auth-token';
export const ACCOUNT = `AC${'ab'.repeat(16)}`;
export const DESK = '+3214000000';
export const CALLER = '+32474999999';
export const [A, B, C] = ['+32470111111', '+32470222222', '+32470333333'] as const;
export const CHAIN = [A, B, C];

function toyApp() {
  const app = express();
  const forged: string[] = [];
  const accepted = new Set<string>();
  app.use(express.urlencoded({ extended: false }));
  app.use((req, res, next) => {
    if (twilio.validateRequest(TOKEN, req.get('x-twilio-signature') ?? '', PUBLIC + req.originalUrl, req.body ?? {}))
      return next();
    forged.push(req.originalUrl);
    res.status(403).type('text/plain').send('bad signature');
  });
  const xml = (res: Response, body: string) =>
    res.type('text/xml').send(`<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`);
  const say = (t: string) => `<Say language="nl-BE">${t}</Say>`;
  const step = (n: number) =>
    CHAIN[n]
      ? `<Dial action="/twilio/voice/dialled?step=${n}" timeout="20" answerOnBridge="true"><Number url="/twilio/voice/screen?step=${n}">${CHAIN[n]}</Number></Dial>`
      : `${say('Spreek een bericht in.')}<Record action="/twilio/voice/recorded" maxLength="180" playBeep="true" finishOnKey="#"/>${say('Geen bericht.')}<Hangup/>`;
  const noop = (_req: unknown, res: Response) => {
    res.status(204).end();
  };

  app.post('/twilio/voice', (_req, res) => xml(res, say('Permanentie noodopvang.') + step(0)));
  // Relative action: resolves against /twilio/voice/screen?step=N.
  app.post('/twilio/voice/screen', (req, res) =>
    xml(
      res,
      `<Gather numDigits="1" timeout="8" action="screened?step=${String(req.query.step)}">${say('Druk 1 om aan te nemen.')}</Gather><Hangup/>`,
    ),
  );
  app.post('/twilio/voice/screened', (req, res) => {
    if (req.body.Digits !== '1') return xml(res, '<Hangup/>');
    accepted.add(`${req.body.ParentCallSid}:${String(req.query.step)}`);
    return xml(res, say('U wordt verbonden.'));
  });
  app.post('/twilio/voice/dialled', (req, res) => {
    const n = Number(req.query.step);
    xml(res, accepted.has(`${req.body.CallSid}:${n}`) ? `${say('Tot ziens.')}<Hangup/>` : step(n + 1));
  });
  app.post('/twilio/voice/recorded', (_req, res) => xml(res, `${say('Dank u.')}<Hangup/>`));
  app.post('/twilio/voice/status', noop);
  app.post('/twilio/voice/leg-status', noop);
  app.post('/twilio/sms', (req, res) => xml(res, `<Message>Ontvangen: ${req.body.Body}</Message>`));
  app.post('/twilio/menu/start', (_req, res) => xml(res, '<Redirect>options?lang=nl</Redirect>'));
  app.post('/twilio/menu/options', (_req, res) =>
    xml(res, `<Gather numDigits="1" action="choice">${say('Kies 1 of 2.')}</Gather>${say('Geen keuze.')}`),
  );
  app.post('/twilio/menu/choice', (req, res) => xml(res, say(`Keuze ${req.body.Digits}`)));
  app.post('/twilio/ring-all', (_req, res) =>
    xml(
      res,
      `<Dial timeout="20">${[A, B]
        .map(
          (n) =>
            `<Number url="/twilio/voice/screen?step=9" statusCallback="/twilio/voice/leg-status" statusCallbackEvent="initiated ringing answered completed">${n}</Number>`,
        )
        .join('')}</Dial>${say('Niemand.')}`,
    ),
  );
  app.post('/twilio/slow', async (_req, res) => {
    await new Promise((r) => setTimeout(r, 400));
    xml(res, say('Te laat.'));
  });
  app.post('/twilio/loop', (_req, res) => xml(res, '<Redirect>/twilio/loop</Redirect>'));
  app.post('/twilio/reject', (_req, res) => xml(res, '<Reject reason="busy"/>'));
  app.post('/twilio/html', (_req, res) => {
    res.send('<p>oops</p>');
  });
  return { app, forged };
}

export interface ToyServer {
  baseUrl: string;
  /** Paths of requests refused for a bad signature. */
  forged: string[];
  fake(o?: Partial<FakeTwilioOptions>): FakeTwilio;
  close(): Promise<void>;
}

export async function startToyServer(): Promise<ToyServer> {
  const { app, forged } = toyApp();
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    forged,
    fake: (o = {}) =>
      new FakeTwilio({ baseUrl, publicUrl: PUBLIC, authToken: TOKEN, accountSid: ACCOUNT, phoneNumber: DESK, ...o }),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
