// Migration 025 on a database with two regions that already holds texts: every inbound text gets the first
// region (the number texted was never stored), a text out about a case its intake's region, any other text out
// none. Also down and up again.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db';
import { hashPassword } from '../../auth/passwords';
import { seedDemo } from '../../seed/demo';
import { migrations } from './index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.db, { hashPassword: () => hashPassword('x'), regions: ['kempen', 'boom-mechelen-lier'] });
});
afterAll(() => db.drop());

const migrator = () => new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });
const AT = '2026-12-24T21:05:00Z';

describe('025_texts_region', () => {
  it("gives inbound texts the first region, texts out about a case the intake's region, other texts out none", async () => {
    expect((await migrator().migrateTo('024_call_figures_region')).error).toBeUndefined();
    const user = await db.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const intake = async (name: string, region: string) =>
      (
        await db.db
          .insertInto('intakes')
          .values({
            created_by: user.id,
            created_at: AT,
            updated_at: AT,
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
            status: 'open',
            region_code: region,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const bmlCase = await intake('bml', 'boom-mechelen-lier');
    const kempenCase = await intake('kempen', 'kempen');
    await db.db
      .insertInto('sms_inbound' as never)
      .values(
        ['SM1', 'SM2'].map((sid) => ({
          message_sid: sid,
          from_number: '+32499000000',
          body: sid,
          handled_as: 'forwarded',
          received_at: AT,
        })) as never,
      )
      .execute();
    const out = (body: string, intakeId: string | null) => ({
      to_number: '+32499000001',
      body,
      kind: intakeId ? 'referrer' : 'reminder',
      status: 'sent',
      next_attempt_at: AT,
      created_at: AT,
      updated_at: AT,
      intake_id: intakeId,
    });
    await db.db
      .insertInto('outbox' as never)
      .values([out('about bml', bmlCase), out('about kempen', kempenCase), out('about nothing', null)] as never)
      .execute();
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    const regions = async () => ({
      in: Object.fromEntries(
        (await db.db.selectFrom('sms_inbound').select(['body', 'region_code']).execute()).map((r) => [
          r.body,
          r.region_code,
        ]),
      ),
      out: Object.fromEntries(
        (await db.db.selectFrom('outbox').select(['body', 'region_code']).execute()).map((r) => [
          r.body,
          r.region_code,
        ]),
      ),
    });
    const expected = {
      in: { SM1: 'kempen', SM2: 'kempen' },
      out: { 'about bml': 'boom-mechelen-lier', 'about kempen': 'kempen', 'about nothing': null },
    };
    expect(await regions()).toEqual(expected);
    // Only a region that exists.
    await expect(
      db.db.updateTable('outbox').set({ region_code: 'nowhere' }).where('body', '=', 'about nothing').execute(),
    ).rejects.toThrow(/foreign key|violates/);
    // Down and up again gives the same.
    expect((await migrator().migrateTo('024_call_figures_region')).error).toBeUndefined();
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    expect(await regions()).toEqual(expected);
  });
});
