// `npm run bench`: every benchmark, against DATABASE_URL (a throw-away database beside it) or PGlite
// when unset. Prints one figure per line as `bench <name> <value> <unit>`; no thresholds here.
import { performance } from 'node:perf_hooks';
import { onDuty } from '../../shared/rules/rota';
import { loadRota } from '../../server/roster/roster.queries';
import { ApiClient, startTestServer } from '../helpers/server';
import { benchVoice } from './voice';
import { benchFanout } from './fanout';
import { benchFigures, benchFiguresFlanders } from './figures';
import { benchRestart } from './restart';

if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;

const print = (name: string, value: number, unit: string) => console.log(`bench ${name} ${value.toFixed(3)} ${unit}`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const t = await startTestServer();
  try {
    // The pure calculator: who is on duty at 10,000 instants spread over a year.
    const rota = await loadRota(t.db.db, 'kempen');
    const start = Date.parse('2026-01-01T00:00:00Z');
    const n = 10_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) onDuty(rota, new Date(start + i * 3_153_600));
    print('rota.on_duty.mean', ((performance.now() - t0) * 1000) / n, 'us');

    // The API the line and the header ask: GET /api/oncall/now over real HTTP and the database.
    const c = new ApiClient(t.url);
    await c.login('permanentie');
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      const res = await c.get('/api/oncall/now');
      if (res.status !== 200) throw new Error(`oncall/now answered ${res.status}`);
      samples.push(performance.now() - s);
    }
    print('rota.oncall_now.p95', percentile(samples, 95), 'ms');
  } finally {
    await t.close();
  }
  for (const [name, value] of Object.entries(await benchRestart()))
    print(name, value, name.startsWith('start.') ? 's' : 'calls');
  for (const [name, value, unit] of await benchVoice())
    console.log(`bench ${name} ${value?.toFixed(3) ?? 'n/a'} ${unit}`);
  for (const [name, value] of Object.entries(await benchFanout())) {
    if (value === null) console.log(`bench ${name} n/a ms (two instances need DATABASE_URL: PGlite runs one)`);
    else print(name, value, 'ms');
  }
  // Key figures over ten years of generated history (seeding takes a while, the queries do not).
  for (const [name, value] of Object.entries(await benchFigures()))
    print(name, value, name.endsWith('.seconds') ? 's' : 'ms');
  // Issue 15: one region's figures on ten years of five regions (PostgreSQL only).
  const flanders = await benchFiguresFlanders();
  if (!flanders)
    console.log('bench figures.max_query.flanders.p95 n/a ms (five regions need DATABASE_URL: PostgreSQL)');
  for (const [name, value] of Object.entries(flanders ?? {}))
    print(name, value, name.endsWith('.seconds') ? 's' : 'ms');
}

await main();
