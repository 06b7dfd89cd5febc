// Times each dashboard query on a kept database, so a change to one query can be measured against the
// old one on the same data, back to back (the full `npm run bench` seeds a fresh history every run).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/figs npx tsx test/bench/figures-each.ts
// An empty database is migrated and seeded first (demo data, ten years of history, vacuum analyze).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { hashPassword } from '../../server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../server/db/index';
import { costStatement } from '../../server/reports/costs';
import { FIGURE_QUERIES, readFigures } from '../../server/reports/figures';
import { periodOf } from '../../server/reports/period';
import type { FigureScope } from '../../server/reports/scope';
import { HISTORY_DEFAULTS, seedHistory } from '../../server/reports/seed-history';
import { seedDemo } from '../../server/seed/demo';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database this script may fill and keep.');
const RUNS = Number(process.env.RUNS ?? 20);
const { db, close } = openDatabase({ kind: 'postgres', url, poolSize: 10 });
const now = new Date('2026-12-01T12:00:00Z');
await migrateToLatest(db);
if (!(await db.selectFrom('calls').select('id').limit(1).executeTakeFirst())) {
  await seedDemo(db, { hashPassword });
  await seedHistory(db, { ...HISTORY_DEFAULTS, now });
  await sql`vacuum analyze`.execute(db);
}
const year = now.getUTCFullYear() - 1;
const scope: FigureScope = {
  period: periodOf(`${year}-01-01`, `${year}-12-31`),
  nis: null,
  now,
  region: 'kempen',
  intakeRegion: 'kempen',
};

async function p95(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.ceil(0.95 * samples.length) - 1]!;
}

for (const [name, query] of Object.entries(FIGURE_QUERIES)) {
  console.log(`bench figures.${name}.p95 ${(await p95(() => query(db, scope))).toFixed(1)} ms`);
}
console.log(
  `bench figures.cost_statement.p95 ${(await p95(() => costStatement(db, `${year}-01`, null))).toFixed(1)} ms`,
);
console.log(`bench figures.dashboard.p95 ${(await p95(() => readFigures(db, scope))).toFixed(1)} ms`);
await close();
