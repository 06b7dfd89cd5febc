// Shift reminders and gap alerts go out through the outbox, once each, at the region's times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { sendRotaNotifications } from './notifications';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});
const clock = () => t.clock as ManualClock;
const outbox = (kind: string) =>
  t.db.db.selectFrom('outbox').select(['to_number', 'body']).where('kind', '=', kind).execute();

describe('rota notifications', () => {
  it('reminds the incoming workers an hour before their shift starts, once', async () => {
    // Monday 26 October: the weekly handover at 08:30 (winter time, 07:30 UTC); out of hours starts 17:00.
    clock().set('2026-10-26T15:10:00Z'); // 16:10 local: 50 minutes before the evening shift
    const c = new ApiClient(t.url);
    await c.login('coordinator');
    const evening = await c.get('/api/rota?from=2026-10-26T16:00:00Z&to=2026-10-26T17:00:00Z');
    const primaryId = evening.body.segments[0].primary;
    const phone = (
      await t.db.db.selectFrom('users').select('phone').where('id', '=', primaryId).executeTakeFirstOrThrow()
    ).phone;
    expect(await sendRotaNotifications(t.app.services)).toBeGreaterThan(0);
    expect(await sendRotaNotifications(t.app.services)).toBe(0);
    const reminders = await outbox('reminder');
    expect(reminders.find((r) => r.to_number === phone)?.body).toMatch(
      /^Permanentie: je dienst als permanentie \(eerste lijn\) begint ma 26 okt 17:00/,
    );
    // The weekly rotation hands over on Monday 08:30: the duty runs to the next Monday, whatever the look-ahead.
    expect(reminders.find((r) => r.to_number === phone)?.body).toContain('(tot ma 2 nov 08:30)');
    // The coordinator on call every week (the demo's only member) is not reminded at every evening.
    const lead = (
      await t.db.db.selectFrom('users').select('phone').where('username', '=', 'coordinator').executeTakeFirstOrThrow()
    ).phone;
    expect(reminders.filter((r) => r.to_number === lead)).toEqual([]);
    // Tuesday 16:10: the same primary continues after office hours; no new reminder for anyone.
    clock().set('2026-10-27T15:10:00Z');
    expect(await sendRotaNotifications(t.app.services)).toBe(0);
  });

  it('tells the coordinator on call about a gap tonight from the alert time, not before', async () => {
    const lead = new ApiClient(t.url);
    clock().set('2026-10-27T09:00:00Z');
    await lead.login('coordinator');
    const rota = await lead.get('/api/rota');
    const primary = rota.body.rotations.find((r: { slot: string }) => r.slot === 'primary');
    const { id, ...rest } = primary;
    expect((await lead.request('PUT', `/api/rota/rotations/${id}`, { ...rest, endDate: '2026-10-27' })).status).toBe(
      200,
    );
    clock().set('2026-10-27T12:50:00Z'); // 13:50 local, before the Kempen's 14:00
    await sendRotaNotifications(t.app.services);
    expect(await outbox('gap')).toEqual([]);
    clock().set('2026-10-27T13:05:00Z');
    await sendRotaNotifications(t.app.services);
    await sendRotaNotifications(t.app.services);
    const gaps = await outbox('gap');
    const coordinator = await t.db.db
      .selectFrom('users')
      .select('phone')
      .where('username', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ to_number: coordinator.phone });
    expect(gaps[0]!.body).toMatch(/GAT in het rooster vannacht.*di 27 okt 17:00–08:30/);
  });
});
