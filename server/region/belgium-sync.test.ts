// Start-up loads the Belgian municipalities only when the shipped list changed (issue 13: a restart
// must not spend its seconds on 1,130 upserts of the same rows).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db';
import { belgiumDataChecksum } from './belgium';
import { syncBelgiumIfChanged } from './belgium-sync';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});
const count = async () =>
  Number(
    (
      await db.db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

it('loads the list once, skips it while unchanged, and loads it again when its checksum changes', async () => {
  const now = new Date('2026-10-25T01:30:00Z');
  expect(await syncBelgiumIfChanged(db.db, now)).toBe(true);
  expect(await count()).toBe(565);
  const row = await db.db.selectFrom('data_versions').selectAll().executeTakeFirstOrThrow();
  expect(row.checksum.startsWith(belgiumDataChecksum())).toBe(true);

  // Unchanged: nothing is written, so a municipality removed by hand stays removed...
  await db.db.deleteFrom('ocmws').where('municipality_nis', '=', '11001').execute();
  await db.db.deleteFrom('municipalities').where('nis', '=', '11001').execute();
  expect(await syncBelgiumIfChanged(db.db, now)).toBe(false);
  expect(await count()).toBe(564);

  // ...until the list (its checksum) differs from what was loaded: then it is loaded again.
  await db.db.updateTable('data_versions').set({ checksum: 'an older list' }).execute();
  expect(await syncBelgiumIfChanged(db.db, now)).toBe(true);
  expect(await count()).toBe(565);
  expect(await syncBelgiumIfChanged(db.db, now)).toBe(false);
});
