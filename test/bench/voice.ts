// Time-to-TwiML of /twilio/voice under 200 concurrent calls, against a bare Express route that only
// checks the signature and returns fixed TwiML, in the same run on the same machine. The load comes
// from a second process (voice-load.ts) so the generator does not steal the server's core.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { isValidTwilioSignature } from '../../server/telephony/twilio/signature';
import { startTestServer } from '../helpers/server';

const TOKEN = 'bench-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const CONCURRENT = 200;
const WAVES = 10;

export interface VoiceBench {
  p50: number;
  p99: number;
  ratio: number;
}

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

async function load(url: string): Promise<{ latencies: number[]; perSecond: number }> {
  const script = fileURLToPath(new URL('./voice-load.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', script, url, PUBLIC, TOKEN, String(CONCURRENT), String(WAVES)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as { latencies: number[]; perSecond: number };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

export async function benchVoice(): Promise<VoiceBench> {
  const desk = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC },
  });
  const bare = await bareApp();
  try {
    const d = await load(desk.url);
    const b = await load(bare.url);
    if (process.env.BENCH_DEBUG)
      console.error(
        'bare p50/p99/rps',
        pct(b.latencies, 50),
        pct(b.latencies, 99),
        b.perSecond,
        'desk rps',
        d.perSecond,
      );
    return { p50: pct(d.latencies, 50), p99: pct(d.latencies, 99), ratio: d.perSecond / b.perSecond };
  } finally {
    bare.close();
    await desk.close();
  }
}
