// `npx tsx test/bench/voice-rates.ts`: how the line's cost grows with calls a second. The desk (PGlite,
// or PostgreSQL with DATABASE_URL) answers signed calls in an open loop from a second process at each
// rate for RATE_SECONDS (5); printed per rate: p50 and p99 time-to-TwiML, and the desk process's CPU
// time per call (every thread: the PGlite worker included), the writes it left behind included.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestServer } from '../helpers/server';

const TOKEN = 'bench-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const SECONDS = Number(process.env.RATE_SECONDS ?? 5);
const RATES = (process.env.RATES ?? '25,50,100,200,400,800').split(',').map(Number);

if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const desk = await startTestServer({
  env: { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC },
});
const script = fileURLToPath(new URL('./voice-load.ts', import.meta.url));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const logged = async () =>
  Number(
    (
      await desk.db.db
        .selectFrom('calls')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
try {
  for (const rate of RATES) {
    const before = await logged();
    const cpu = process.cpuUsage();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', script, desk.url, PUBLIC, TOKEN, 'open', String(rate), String(SECONDS)],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const { latencies } = JSON.parse(stdout.trim().split('\n').pop()!) as { latencies: number[] };
    const sent = latencies.length + rate; // + the warm-up second
    const until = performance.now() + 60_000;
    while ((await logged()) - before < sent && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    const used = process.cpuUsage(cpu);
    const perCall = (used.user + used.system) / 1000 / sent;
    console.log(
      `bench voice.rate${rate}.p50 ${pct(latencies, 50).toFixed(3)} ms\n` +
        `bench voice.rate${rate}.p99 ${pct(latencies, 99).toFixed(3)} ms\n` +
        `bench voice.rate${rate}.cpu_per_call ${perCall.toFixed(3)} ms`,
    );
  }
} finally {
  await desk.close();
}
