// Rota coverage: the share of out-of-hours time with a primary on duty, from the rota calculator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let coordinator: ApiClient;
beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', clock: new ManualClock('2026-07-01T10:00:00Z') });
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator');
});
afterAll(() => t.close());

const rota = async (from: string, to: string) =>
  (await coordinator.get(`/api/figures?from=${from}&to=${to}`)).body.rota;

describe('with the Kempen office hours and the demo rota', () => {
  it('a week of nights is out of hours except Mon-Fri 08:30-17:00, and fully covered', async () => {
    // Nights 8-14 June 2026: Mon 8 Jun 12:00 to Mon 15 Jun 12:00 = 168 h. Open: Mon 12:00-17:00 (5 h),
    // Tue-Fri 4 x 8.5 h, Mon 15 08:30-12:00 (3.5 h) = 42.5 h. No public holiday that week.
    expect(await rota('2026-06-08', '2026-06-14')).toEqual({
      regionWide: true,
      outOfHoursHours: 125.5,
      coveredHours: 125.5,
      uncoveredHours: 0,
      coverage: 1,
      gaps: 0,
    });
  });
});

describe('with a calendar that never opens and a primary rotation starting on 29 March 2026 at noon', () => {
  beforeAll(async () => {
    const db = t.db.db;
    const { settings } = await db.selectFrom('regions').select('settings').executeTakeFirstOrThrow();
    await db
      .updateTable('regions')
      .set({ settings: JSON.stringify({ ...settings, officeHours: { hours: {}, observePublicHolidays: false } }) })
      .execute();
    await db.deleteFrom('rota_rotations').execute();
    await db
      .insertInto('rota_rotations')
      .values({
        region_code: 'kempen',
        name: 'Test',
        slot: 'primary',
        members: JSON.stringify(['someone']),
        start_date: '2026-03-29',
        handover_time: '12:00',
        every_unit: 'day',
        every_count: 1,
        end_date: null,
        created_at: new Date(),
      })
      .execute();
  });

  it('counts the 23-hour night of the spring clock change as 23 hours', async () => {
    // Nights 27-30 March: 24 + 23 (28th: 02:00 -> 03:00 on the 29th) + 24 + 24 = 95 h; covered from the 29th noon: 48 h.
    expect(await rota('2026-03-27', '2026-03-30')).toEqual({
      regionWide: true,
      outOfHoursHours: 95,
      coveredHours: 48,
      uncoveredHours: 47,
      coverage: 0.5053,
      gaps: 1,
    });
  });

  it('walks a period longer than the calculator takes at once, and keeps one gap one gap', async () => {
    // 1 Jan 2024 12:00 CET to 1 Jan 2026 12:00 CET: 731 days of 24 h (the clock changes cancel out), nobody on duty.
    expect(await rota('2024-01-01', '2025-12-31')).toEqual({
      regionWide: true,
      outOfHoursHours: 731 * 24,
      coveredHours: 0,
      uncoveredHours: 731 * 24,
      coverage: 0,
      gaps: 1,
    });
  });
});
