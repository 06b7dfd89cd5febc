// Migration 028: the figures' "guarantees with a night in the period" (reports/scope.ts guaranteeOverlaps) is the
// expression the GiST index holds, so PostgreSQL can answer it from the index; and the index finds exactly the
// guarantees a night of which lies in the period. Also down.
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db';
import { periodOf } from '../../reports/period';
import { guaranteeOverlaps } from '../../reports/scope';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });

describe('028_guarantee_nights_index', () => {
  it("answers the figures' overlap with the period from the index; down drops it", async () => {
    const overlaps = guaranteeOverlaps(periodOf('2026-10-01', '2026-10-31'));
    const plan = await db.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{
        'QUERY PLAN': string;
      }>`explain select count(*) from guarantees g where ${overlaps}`.execute(trx);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('guarantees_nights_idx');
    expect((await migrator().migrateTo('027_hold_region')).error).toBeUndefined();
    const indexes = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where tablename = 'guarantees'`.execute(db.db);
    expect(indexes.rows.map((r) => r.indexname)).not.toContain('guarantees_nights_idx');
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
  });

  it('finds a stay by any of its nights, and not the day after its last (hand-picked dates)', async () => {
    // A stay of 3 nights from 30 September: the nights of 30 Sep, 1 and 2 Oct.
    const cases: [from: string, to: string, overlaps: boolean][] = [
      ['2026-10-01', '2026-10-31', true],
      ['2026-09-30', '2026-09-30', true],
      ['2026-10-02', '2026-10-02', true],
      ['2026-10-03', '2026-10-31', false],
      ['2026-09-01', '2026-09-29', false],
    ];
    for (const [from, to, expected] of cases) {
      const r = await sql<{ o: boolean }>`
        select ${guaranteeOverlaps(periodOf(from, to))} as o
        from (select '2026-09-30'::text as first_night, 3 as nights) g`.execute(db.db);
      expect(r.rows[0]!.o, `${from} .. ${to}`).toBe(expected);
    }
  });
});
