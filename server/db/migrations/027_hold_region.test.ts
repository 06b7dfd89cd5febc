// Migration 027 on a database with two regions that already holds holds: each gets the region its maker's
// regions said (the inference the board used before): a maker who works elsewhere and not in the place's
// region holds for their region, anyone else for the place's. Also down and up again.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db';
import { hashPassword } from '../../auth/passwords';
import { holdRow } from '../../reports/history/rows';
import { seedDemo } from '../../seed/demo';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.db, { hashPassword: () => hashPassword('x'), regions: ['kempen', 'boom-mechelen-lier'] });
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });

describe('027_hold_region', () => {
  it("gives each hold its maker's region where the maker works elsewhere and not in the place's, else the place's", async () => {
    expect((await migrator().migrateTo('026_calls_started_index')).error).toBeUndefined();
    const user = async (username: string) =>
      (await db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const placeOf = async (region: string) =>
      (
        await db.db
          .selectFrom('places')
          .select('id')
          .where('region_code', '=', region)
          .orderBy('name')
          .executeTakeFirstOrThrow()
      ).id;
    const [kempenPlace, bmlPlace] = [await placeOf('kempen'), await placeOf('boom-mechelen-lier')];
    const hold = async (username: string, placeId: string, unitNo: number) => {
      const row = holdRow({
        placeId,
        unitNo,
        night: '2026-12-06',
        createdBy: await user(username),
        createdAt: '2026-12-06T20:00:00Z',
        status: 'released',
        closedAt: '2026-12-06T20:30:00Z',
      });
      await db.db.insertInto('holds').values(row).execute();
      return row.id;
    };
    const ids = {
      bmlWorkerInKempen: await hold('permanentie-bml', kempenPlace, 1),
      adminInKempen: await hold('admin', kempenPlace, 2),
      kempenWorkerAtHome: await hold('permanentie', kempenPlace, 3),
      kempenWorkerInBml: await hold('permanentie', bmlPlace, 1),
    };
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    const regions = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(ids).map(async ([k, id]) => [
            k,
            (await db.db.selectFrom('holds').select('region_code').where('id', '=', id).executeTakeFirstOrThrow())
              .region_code,
          ]),
        ),
      );
    const expected = {
      bmlWorkerInKempen: 'boom-mechelen-lier',
      adminInKempen: 'kempen',
      kempenWorkerAtHome: 'kempen',
      kempenWorkerInBml: 'kempen',
    };
    expect(await regions()).toEqual(expected);
    await expect(
      db.db.updateTable('holds').set({ region_code: 'nowhere' }).where('id', '=', ids.adminInKempen).execute(),
    ).rejects.toThrow(/foreign key|violates/);
    expect((await migrator().migrateTo('026_calls_started_index')).error).toBeUndefined();
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    expect(await regions()).toEqual(expected);
  });
});
