// The key figures over ten years of generated history: each dashboard query for one full year and the
// whole region, timed 20 times after a warm-up. Runs on a throw-away database (TEST_DATABASE_URL, which
// run.ts sets from DATABASE_URL) or in-memory PGlite.
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
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

/** Every figure query, the cost statement and the dashboard for one year of one region, by bench name. */
export async function timeQueries(db: Kysely<Database>, now: Date, suffix = ''): Promise<Record<string, number>> {
  const year = now.getUTCFullYear() - 1;
  const scope: FigureScope = {
    period: periodOf(`${year}-01-01`, `${year}-12-31`),
    nis: null,
    now,
    region: 'kempen',
    intakeRegion: 'kempen',
  };
  const out: Record<string, number> = {};
  let max = 0;
  for (const [name, query] of Object.entries(FIGURE_QUERIES)) {
    const ms = await time(() => query(db, scope));
    out[`figures.${name}${suffix}.p95`] = ms;
    max = Math.max(max, ms);
  }
  out[`figures.cost_statement${suffix}.p95`] = await time(() => costStatement(db, `${year}-01`, null, 'kempen'));
  out[`figures.max_query${suffix}.p95`] = Math.max(max, out[`figures.cost_statement${suffix}.p95`]!);
  out[`figures.dashboard${suffix}.p95`] = await time(() => readFigures(db, scope));
  return out;
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
    Object.assign(out, await timeQueries(db, now));
    return out;
  } finally {
    await database.drop();
  }
}

/** Three made-up regions beside the two shipped ones, for the benchmark of five regions. */
const SYNTHETIC = ['bench-west', 'bench-kust', 'bench-zuid'];

/**
 * Adds SYNTHETIC regions made like the Kempen: 20 municipalities no region serves each, a copy of the
 * Kempen's places spread over them, and the Kempen's duty team working there too. Only the benchmark does this.
 */
export async function addSyntheticRegions(db: Kysely<Database>): Promise<void> {
  const kempen = await db.selectFrom('regions').selectAll().where('code', '=', 'kempen').executeTakeFirstOrThrow();
  const places = await db.selectFrom('places').selectAll().where('region_code', '=', 'kempen').execute();
  const team = await db.selectFrom('user_regions').select('user_id').where('region_code', '=', 'kempen').execute();
  const free = await db
    .selectFrom('municipalities')
    .select('nis')
    .where('region_code', 'is', null)
    .orderBy('nis')
    .execute();
  for (const [i, code] of SYNTHETIC.entries()) {
    await db
      .insertInto('regions')
      .values({ ...kempen, code, name: `Bench ${i + 1}`, settings: JSON.stringify(kempen.settings), position: 10 + i })
      .execute();
    const mine = free.slice(i * 20, i * 20 + 20).map((m) => m.nis);
    await db.updateTable('municipalities').set({ region_code: code }).where('nis', 'in', mine).execute();
    await db
      .insertInto('places')
      .values(
        places.map(({ id: _id, ...p }, k) => ({
          ...p,
          region_code: code,
          municipality_nis: mine[k % mine.length]!,
          suits: JSON.stringify(p.suits),
        })),
      )
      .execute();
    await db
      .insertInto('user_regions')
      .values(team.map((u) => ({ user_id: u.user_id, region_code: code })))
      .execute();
  }
}

/**
 * Issue 15's benchmark: the same queries for one region (the Kempen) on ten years of five regions (the two
 * shipped and three made like the Kempen), each with the default history. PostgreSQL only (the target is
 * for it; on PGlite the seeding alone would take many minutes): null without TEST_DATABASE_URL.
 */
export async function benchFiguresFlanders(now = new Date()): Promise<Record<string, number> | null> {
  if (!process.env.TEST_DATABASE_URL) return null;
  const database = await createTestDatabase();
  try {
    const { db } = database;
    await seedDemo(db, { hashPassword });
    await addSyntheticRegions(db);
    const regions = (await db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
    const started = performance.now();
    await seedHistory(db, { ...HISTORY_DEFAULTS, now, regions });
    const out: Record<string, number> = {
      'figures.seed_history.flanders.seconds': (performance.now() - started) / 1000,
    };
    await sql`vacuum analyze`.execute(db);
    return { ...out, ...(await timeQueries(db, now, '.flanders')) };
  } finally {
    await database.drop();
  }
}
