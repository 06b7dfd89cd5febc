// Retention on the wooncel: names go RETENTION_DAYS (365) after the case ended, never while a household
// waits or lives in a home, and the figures are the same before and after.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { pseudonymiseExpired } from '../privacy/retention';
import { startTestServer, type TestServer } from '../../test/helpers/server';
import { seedWooncelFixture, WOONCEL_PERIOD } from './fixture';
import { housingFigures } from './figures';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const user = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  await seedWooncelFixture(t.db.db, user.id);
});
afterAll(() => t.close());

const names = async () =>
  new Map(
    (await t.db.db.selectFrom('housing_registrations').select(['person_name', 'status']).execute()).map((r) => [
      r.person_name,
      r.status,
    ]),
  );

it('pseudonymises ended and withdrawn cases a year after they ended, keeps waiting and living households, and the figures', async () => {
  const services = t.app.services;
  const figures = await housingFigures(services, { ...WOONCEL_PERIOD, nis: null });
  // 2019-04-01: nothing ended a year before (the first outflow was on 2018-07-01, the first registration 2018-04-02).
  (t.clock as ManualClock).set('2019-04-01T10:00:00Z');
  await pseudonymiseExpired(services);
  expect([...(await names()).keys()].filter((n) => n.startsWith('Pseudoniem'))).toEqual([]);
  // End of 2020: every outflow (the last on 2019-03-01) and every withdrawal (registered by March 2019) is over a
  // year old. The 9 who left and the 15 withdrawn (registrations 25, 28, ..., 67 of those never housed) lose their names.
  (t.clock as ManualClock).set('2020-12-31T10:00:00Z');
  await pseudonymiseExpired(services);
  const after = await names();
  expect([...after.keys()].filter((n) => n.startsWith('Pseudoniem')).length).toBe(24);
  expect([...after.values()].filter((s) => s === 'withdrawn').length).toBe(15);
  expect(
    [...after.entries()].filter(([n, s]) => s !== 'withdrawn' && s !== 'housed' && n.startsWith('Pseudoniem')),
  ).toEqual([]);
  expect(after.get('Wooncel 10')).toBe('housed'); // household 10 still lives in its home
  expect(after.has('Wooncel 1')).toBe(false); // household 1 left on 2018-07-01
  expect(await housingFigures(services, { ...WOONCEL_PERIOD, nis: null })).toEqual(figures);
});
