// The iCal feed calendars subscribe to: one UID per shift whatever the instant of the fetch (also when
// the feed's 7-day look-back cuts through a running shift), SEQUENCE raised by any rota edit, the
// desk's zone and a refresh interval stated, and times an independent parser reads right across DST.
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let feedPath = '';
let lead: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  (t.clock as ManualClock).set('2026-10-24T10:00:00Z');
  lead = new ApiClient(t.url);
  await lead.login('coordinator');
  feedPath = new URL((await lead.post('/api/rota/me/ical')).body.url).pathname;
});
afterAll(async () => { await t.close(); });

// The demo coordinator is on call all out-of-hours time, so the weekend of the October clock change is
// one shift: Friday 23 October 17:00 summer time (15:00 UTC) to Monday 26 October 08:30 winter time
// (07:30 UTC), 64.5 hours (63.5 on the wall clock plus the hour given back).
const WEEKEND_START = '2026-10-23T15:00:00.000Z';
const WEEKEND_END = '2026-10-26T07:30:00.000Z';

async function feedAt(at: string) {
  (t.clock as ManualClock).set(at);
  const res = await fetch(t.url + feedPath);
  expect(res.status).toBe(200);
  const text = await res.text();
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  const weekend = events.find((e) => new Date(e.end as Date).toISOString() === WEEKEND_END);
  return { text, events, weekend };
}

describe('the iCal feed', () => {
  it('keeps one UID for a running shift at every fetch and across the feed window edge', async () => {
    const instants = ['2026-10-23T16:00:00Z', '2026-10-24T10:00:00Z', '2026-10-25T01:30:00Z', '2026-10-26T07:00:00Z',
      // A week later the feed starts 7 days back, inside the weekend shift: it must not be cut there.
      '2026-10-30T15:30:00Z', '2026-10-30T16:00:00Z', '2026-10-30T20:00:00Z'];
    const uids = new Set<string>();
    for (const at of instants) {
      const { weekend } = await feedAt(at);
      expect(weekend, at).toBeDefined();
      expect(new Date(weekend!.start as Date).toISOString()).toBe(WEEKEND_START);
      uids.add(weekend!.uid);
    }
    expect(uids.size).toBe(1);
  });

  it('reads right in an independent parser across the October DST change and states zone and refresh', async () => {
    const { text, weekend, events } = await feedAt('2026-10-24T10:00:00Z');
    expect(new Date(weekend!.start as Date).toISOString()).toBe(WEEKEND_START);
    expect((new Date(weekend!.end as Date).getTime() - new Date(weekend!.start as Date).getTime()) / 3_600_000).toBe(64.5);
    expect(weekend!.summary).toBe('Coördinator van wacht');
    expect(text).toMatch(/\r\nX-WR-TIMEZONE:Europe\/Brussels\r\n/);
    expect(text).toMatch(/\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/);
    expect(text).toMatch(/\r\nX-PUBLISHED-TTL:PT1H\r\n/);
    // The weeknight after: Monday 26 October 17:00 to Tuesday 08:30, winter time (+01:00).
    const monday = events.find((e) => new Date(e.start as Date).toISOString() === '2026-10-26T16:00:00.000Z');
    expect(new Date(monday!.end as Date).toISOString()).toBe('2026-10-27T07:30:00.000Z');
  });

  it('raises SEQUENCE at any rota edit and keeps it while nothing changes', async () => {
    const sequenceOf = (text: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(text)![1]);
    const before = sequenceOf((await feedAt('2026-10-24T10:00:00Z')).text);
    expect(sequenceOf((await feedAt('2026-10-24T11:00:00Z')).text)).toBe(before);
    const users = await t.db.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'griet.willems').executeTakeFirstOrThrow();
    const edit = await lead.post('/api/rota/overrides', { slot: 'primary', start: '2026-10-27T17:00:00+01:00',
      end: '2026-10-28T08:30:00+01:00', userId: users.id, reason: 'ruil' });
    expect(edit.status).toBe(201);
    const after = await feedAt('2026-10-24T11:00:00Z');
    expect(sequenceOf(after.text)).toBeGreaterThan(before);
    const uid = (await feedAt('2026-10-24T10:00:00Z')).weekend!.uid;
    expect(after.weekend!.uid).toBe(uid);
  });
});
