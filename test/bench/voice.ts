// The permanence line under load, beside a bare Express route that only checks the Twilio signature and
// returns fixed TwiML, in the same run on the same machine, on PGlite and (with DATABASE_URL) PostgreSQL.
// The load comes from a second process (voice-load.ts), a fresh CallSid per call.
//   voice.open100.p99           time-to-TwiML at 100 calls a second (open loop, from when each call was due)
//   voice.p50, voice.p99        time-to-TwiML at 200 concurrent calls
//   voice.throughput_ratio      calls a second at 200 concurrent, desk / bare route
//   voice.bare.*                the bare route's own figures, for reading the ratios
//   voice.logged                calls in the call log after the load / calls sent (the log is not skipped)
// voice.pg.* are the same on PostgreSQL.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { isValidTwilioSignature } from '../../server/telephony/twilio/signature';
import { startTestServer } from '../helpers/server';

const TOKEN = 'bench-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const CONCURRENT = 200;
const WAVES = 10;
const OPEN_RATE = 100;
const OPEN_SECONDS = 10;

export type Figure = [name: string, value: number | null, unit: string];

function bareApp(): Promise<{ url: string; close: () => void }> {
  const app = express();
  app.post('/twilio/voice', express.urlencoded({ extended: false }), (req, res) => {
    if (!isValidTwilioSignature([TOKEN], req.get('x-twilio-signature'), PUBLIC + req.originalUrl, req.body)) {
      res.status(403).end();
      return;
    }
    res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response><Dial>+32470000000</Dial></Response>');
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    );
  });
}

interface Load {
  latencies: number[];
  perSecond: number;
}

async function load(url: string, mode: 'closed' | 'open'): Promise<Load> {
  const script = fileURLToPath(new URL('./voice-load.ts', import.meta.url));
  const args = mode === 'closed' ? [CONCURRENT, WAVES] : [OPEN_RATE, OPEN_SECONDS];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', script, url, PUBLIC, TOKEN, mode, ...args.map(String)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as Load;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** The figures on one database (`prefix` 'voice' or 'voice.pg'); `databaseUrl` null for PGlite. */
async function onDatabase(prefix: string, databaseUrl: string | null): Promise<Figure[]> {
  const saved = process.env.TEST_DATABASE_URL;
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  const desk = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC },
  }).finally(() => {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  });
  const bare = await bareApp();
  try {
    // Open loop first, on a desk with nothing left to write; then the bare route and the desk at 200
    // concurrent, the bare route before and after the desk (its mean), so a neighbour's burst on this
    // shared machine weighs on both sides.
    const deskOpen = await load(desk.url, 'open');
    const bareOpen = await load(bare.url, 'open');
    const bare1 = await load(bare.url, 'closed');
    const deskClosed = await load(desk.url, 'closed');
    const bare2 = await load(bare.url, 'closed');
    const bareRate = (bare1.perSecond + bare2.perSecond) / 2;
    const sent = deskOpen.latencies.length + deskClosed.latencies.length + OPEN_RATE + CONCURRENT; // + warm-ups
    const logged = await countLogged(desk.db.db, sent);
    return [
      [`${prefix}.open100.p99`, pct(deskOpen.latencies, 99), 'ms'],
      [`${prefix}.open100.p50`, pct(deskOpen.latencies, 50), 'ms'],
      [`${prefix}.p50`, pct(deskClosed.latencies, 50), 'ms'],
      [`${prefix}.p99`, pct(deskClosed.latencies, 99), 'ms'],
      [`${prefix}.throughput`, deskClosed.perSecond, 'calls/s'],
      [`${prefix}.throughput_ratio`, deskClosed.perSecond / bareRate, 'ratio'],
      [`${prefix}.bare.throughput`, bareRate, 'calls/s'],
      [`${prefix}.bare.open100.p99`, pct(bareOpen.latencies, 99), 'ms'],
      [`${prefix}.logged`, logged / sent, 'ratio'],
    ];
  } finally {
    bare.close();
    await desk.close();
  }
}

/** Calls in the log, waiting up to a minute for the writes the load left behind. */
async function countLogged(db: Awaited<ReturnType<typeof startTestServer>>['db']['db'], sent: number) {
  const until = performance.now() + 60_000;
  let n = 0;
  while (performance.now() < until) {
    const row = await db
      .selectFrom('calls')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    n = Number(row.n);
    if (n >= sent) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return n;
}

export async function benchVoice(): Promise<Figure[]> {
  const figures = await onDatabase('voice', null);
  const pgUrl = process.env.DATABASE_URL;
  if (pgUrl) figures.push(...(await onDatabase('voice.pg', pgUrl)));
  else for (const name of ['voice.pg.open100.p99', 'voice.pg.throughput_ratio']) figures.push([name, null, 'n/a']);
  return figures;
}
