// Migration 016 on a database that already holds intakes: each gets its reference, numbered in order
// of creation within its desk night, and new intakes carry on from there. Also down and up again.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db';
import { hashPassword } from '../../auth/passwords';
import { seedDemo } from '../../seed/demo';
import { allocateReference } from '../../intake/reference';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // Before issue 15 a desk had one region: the Kempen.
  await seedDemo(db.db, { hashPassword: () => hashPassword('x'), regions: ['kempen'] });
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });

describe('016_referrer', () => {
  it('gives intakes made before it their references, and the counter goes on from there', async () => {
    expect((await migrator().migrateTo('015_housing')).error).toBeUndefined();
    const user = await db.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    // Brussels times: 24 Dec 22:00 and 25 Dec 01:30 are the night of 24 Dec; 25 Dec 13:00 the night of 25 Dec.
    const at = ['2026-12-24T21:00:00Z', '2026-12-25T00:30:00Z', '2026-12-25T12:00:00Z'];
    for (const created of at) {
      await db.db
        .insertInto('intakes' as never)
        .values({
          created_by: user.id,
          created_at: created,
          updated_at: created,
          referrer_kind: 'police',
          referrer: '{}',
          person_name: 'x',
          household_type: 'alleenstaande_man',
          adults: 1,
          children: 0,
          ethos: 'public_space',
          request_nis: '13040',
          facts: '{}',
          competence: '{}',
          competent_nis: '13040',
          competence_rule: 'homeless',
          status: 'open',
        } as never)
        .execute();
    }
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    const rows = await db.db
      .selectFrom('intakes')
      .select(['reference', 'reference_night'])
      .orderBy('created_at')
      .execute();
    expect(rows).toEqual([
      { reference: 'K-2412-01', reference_night: '2026-12-24' },
      { reference: 'K-2412-02', reference_night: '2026-12-24' },
      { reference: 'K-2512-01', reference_night: '2026-12-25' },
    ]);
    const next = await db.db
      .transaction()
      .execute((trx) => allocateReference(trx, new Date('2026-12-25T02:00:00Z'), 'kempen'));
    expect(next).toEqual({ reference: 'K-2412-03', night: '2026-12-24' });
  });
});
