// Times each dashboard query on a kept database, so a change to one query can be measured against the
// old one on the same data, back to back (the full `npm run bench` seeds a fresh history every run).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/figs npx tsx test/bench/figures-each.ts
//   (FIGURES_REGIONS=five: ten years of five regions, the Kempen's figures, as `figures.*.flanders`)
// An empty database is migrated and seeded first (demo data, ten years of history, vacuum analyze).
// The queries and their timing are the bench's own (figures.ts `timeQueries`).
import { sql } from 'kysely';
import { hashPassword } from '../../server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../server/db/index';
import { HISTORY_DEFAULTS, seedHistory } from '../../server/reports/seed-history';
import { seedDemo } from '../../server/seed/demo';
import { addSyntheticRegions, timeQueries } from './figures';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database this script may fill and keep.');
const { db, close } = openDatabase({ kind: 'postgres', url, poolSize: 10 });
const now = new Date('2026-12-01T12:00:00Z');
await migrateToLatest(db);
// FIGURES_REGIONS=five: the five regions of `figures.*.flanders` (the two shipped and three made up), as the bench.
const five = process.env.FIGURES_REGIONS === 'five';
if (!(await db.selectFrom('calls').select('id').limit(1).executeTakeFirst())) {
  await seedDemo(db, { hashPassword });
  if (five) await addSyntheticRegions(db);
  const regions = (await db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
  await seedHistory(db, { ...HISTORY_DEFAULTS, now, ...(five ? { regions } : {}) });
  await sql`vacuum analyze`.execute(db);
}
const suffix = five ? '.flanders' : '';
for (const [name, ms] of Object.entries(await timeQueries(db, now, suffix)))
  console.log(`bench ${name} ${ms.toFixed(1)} ms`);
await close();
