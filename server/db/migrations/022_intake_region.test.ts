// Migration 022 on a database with two regions that already holds intakes: each gets the region of its hold's
// place, else that of its call, else the first region; the column is then required. Also down and up again.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db';
import { hashPassword } from '../../auth/passwords';
import { seedDemo } from '../../seed/demo';
import { callRow, holdRow } from '../../reports/history/rows';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.db, { hashPassword: () => hashPassword('x'), regions: ['kempen', 'boom-mechelen-lier'] });
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });

describe('022_intake_region', () => {
  it("gives existing intakes the hold's place's region, else the call's, else the first region", async () => {
    expect((await migrator().migrateTo('021_call_night_hour')).error).toBeUndefined();
    const user = await db.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const placeId = async (name: string) =>
      (await db.db.selectFrom('places').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    // A call to the Kempen line whose intake was placed in Mechelen (a neighbour's place): the place decides.
    const kempenCall = callRow({ startedAt: '2026-12-24T21:00:00Z', outcome: 'answered', region: 'kempen' });
    const bmlCall = callRow({ startedAt: '2026-12-24T22:00:00Z', outcome: 'answered', region: 'boom-mechelen-lier' });
    await db.db.insertInto('calls').values([kempenCall, bmlCall]).execute();
    const hold = holdRow({
      placeId: await placeId('CAW noodkamer Mechelen 1'),
      night: '2026-12-24',
      createdBy: user.id,
      createdAt: '2026-12-24T21:10:00Z',
      status: 'placed',
      placedAt: '2026-12-24T21:20:00Z',
    });
    await db.db.insertInto('holds').values(hold).execute();
    const intake = (name: string, callId: string | null, holdId: string | null) =>
      db.db
        .insertInto('intakes' as never)
        .values({
          created_by: user.id,
          created_at: '2026-12-24T21:05:00Z',
          updated_at: '2026-12-24T21:05:00Z',
          referrer_kind: 'police',
          referrer: '{}',
          person_name: name,
          household_type: 'alleenstaande_man',
          adults: 1,
          children: 0,
          ethos: 'public_space',
          request_nis: '13040',
          facts: '{}',
          competence: '{}',
          competent_nis: '13040',
          competence_rule: 'homeless',
          status: holdId ? 'placed' : 'open',
          call_id: callId,
          hold_id: holdId,
        } as never)
        .execute();
    await intake('held', kempenCall.id, hold.id);
    await intake('called', bmlCall.id, null);
    await intake('neither', null, null);
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    const regions = async () =>
      Object.fromEntries(
        (await db.db.selectFrom('intakes').select(['person_name', 'region_code']).execute()).map((r) => [
          r.person_name,
          r.region_code,
        ]),
      );
    expect(await regions()).toEqual({ held: 'boom-mechelen-lier', called: 'boom-mechelen-lier', neither: 'kempen' });
    // Required from now on.
    await expect(
      db.db
        .updateTable('intakes')
        .set({ region_code: null as never })
        .where('person_name', '=', 'neither')
        .execute(),
    ).rejects.toThrow(/null/);
    // Down and up again gives the same.
    expect((await migrator().migrateTo('021_call_night_hour')).error).toBeUndefined();
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    expect(await regions()).toEqual({ held: 'boom-mechelen-lier', called: 'boom-mechelen-lier', neither: 'kempen' });
  });
});
