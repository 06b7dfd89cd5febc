// The key figures over ten years of generated history: each dashboard query for one full year and the
// whole region, timed 20 times after a warm-up. Runs on a throw-away database (TEST_DATABASE_URL, which
// run.ts sets from DATABASE_URL) or in-memory PGlite.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { hashPassword } from '../../server/auth/passwords';
import { costStatement } from '../../server/reports/costs';
import { FIGURE_QUERIES, readFigures } from '../../server/reports/figures';
import { periodOf } from '../../server/reports/period';
import type { FigureScope } from '../../server/reports/scope';
import { HISTORY_DEFAULTS, seedHistory } from '../../server/reports/seed-history';
import { seedDemo } from '../../server/seed/demo';
import { createTestDatabase } from '../helpers/db';

const RUNS = 20;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  return p95(samples);
}

/** Figures in ms (and the seeding in s), by bench name. */
export async function benchFigures(now = new Date()): Promise<Record<string, number>> {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    await seedDemo(db, { hashPassword });
    const started = performance.now();
    await seedHistory(db, { ...HISTORY_DEFAULTS, now });
    const out: Record<string, number> = { 'figures.seed_history.seconds': (performance.now() - started) / 1000 };
    // Fresh statistics and visibility map, as autovacuum leaves them after a bulk load (inserts trigger it
    // since PostgreSQL 13): index-only scans of the calls (migration 020) need the latter.
    await sql`vacuum analyze`.execute(db);
    const year = now.getUTCFullYear() - 1;
    const scope: FigureScope = { period: periodOf(`${year}-01-01`, `${year}-12-31`), nis: null, now, region: 'kempen' };
    let max = 0;
    for (const [name, query] of Object.entries(FIGURE_QUERIES)) {
      const ms = await time(() => query(db, scope));
      out[`figures.${name}.p95`] = ms;
      max = Math.max(max, ms);
    }
    out['figures.cost_statement.p95'] = await time(() => costStatement(db, `${year}-01`, null));
    out['figures.max_query.p95'] = Math.max(max, out['figures.cost_statement.p95']);
    out['figures.dashboard.p95'] = await time(() => readFigures(db, scope));
    return out;
  } finally {
    await database.drop();
  }
}
