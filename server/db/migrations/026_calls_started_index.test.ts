// Migration 026: the calls' index by time alone is gone, and a year of one region's call figures is read from
// the region's covering index alone, not the table (the plan PostgreSQL chose while both existed). Also down.
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/helpers/db';
import { seedRegionIfEmpty } from '../../seed/demo';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedRegionIfEmpty(db.db, ['kempen']);
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });
const indexes = async () =>
  (
    await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'calls' order by 1`.execute(
      db.db,
    )
  ).rows.map((r) => r.indexname);

describe('026_calls_started_index', () => {
  it("drops calls_started_idx and keeps the region's covering index; down brings it back", async () => {
    expect(await indexes()).not.toContain('calls_started_idx');
    expect(await indexes()).toContain('calls_region_figures_idx');
    expect((await migrator().migrateTo('025_texts_region')).error).toBeUndefined();
    expect(await indexes()).toContain('calls_started_idx');
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    expect(await indexes()).not.toContain('calls_started_idx');
  });

  it("reads a region's calls of a year from the covering index alone", async () => {
    // One region holding every call, as the Kempen does today: the case where the time index won.
    await sql`insert into calls (call_sid, region_code, from_number, chain, step, outcome, status, out_of_hours, started_at, answered_at)
      select 'CA' || lpad(g::text, 32, '0'), 'kempen', '+3214' || lpad((g % 997)::text, 6, '0'), '[]', 0,
             'answered', 'completed', true, timestamptz '2016-01-01' + g * interval '20 minutes',
             timestamptz '2016-01-01' + g * interval '20 minutes' + interval '12 seconds'
      from generate_series(1, 20000) g`.execute(db.db);
    await sql`vacuum analyze calls`.execute(db.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select outcome, local_hour, night, answered_at
      from calls where region_code = 'kempen' and started_at >= '2016-03-01' and started_at < '2016-06-01'`.execute(
      db.db,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text, testDatabaseKind).toContain('Index Only Scan using calls_region_figures_idx');
  });
});
