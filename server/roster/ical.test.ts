// The iCal feed calendars subscribe to: one UID per shift whatever the instant of the fetch (also when
// the feed's 7-day look-back cuts through a running shift), SEQUENCE raised by any rota edit, the
// desk's zone and a refresh interval stated, and times an independent parser reads right across DST.
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { buildIcal, icalUids, type IcalShift } from './ical';
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
afterAll(async () => {
  await t.close();
});

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
    const instants = [
      '2026-10-23T16:00:00Z',
      '2026-10-24T10:00:00Z',
      '2026-10-25T01:30:00Z',
      '2026-10-26T07:00:00Z',
      // A week later the feed starts 7 days back, inside the weekend shift: it must not be cut there.
      '2026-10-30T15:30:00Z',
      '2026-10-30T16:00:00Z',
      '2026-10-30T20:00:00Z',
    ];
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
    expect((new Date(weekend!.end as Date).getTime() - new Date(weekend!.start as Date).getTime()) / 3_600_000).toBe(
      64.5,
    );
    expect(weekend!.summary).toBe('Coördinator van wacht');
    expect(text).toMatch(/\r\nX-WR-TIMEZONE:Europe\/Brussels\r\n/);
    expect(text).toMatch(/\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n/);
    expect(text).toMatch(/\r\nX-PUBLISHED-TTL:PT1H\r\n/);
    // The weeknight after: Monday 26 October 17:00 to Tuesday 08:30, winter time (+01:00).
    const monday = events.find((e) => new Date(e.start as Date).toISOString() === '2026-10-26T16:00:00.000Z');
    expect(new Date(monday!.end as Date).toISOString()).toBe('2026-10-27T07:30:00.000Z');
  });

  it('states Europe/Brussels with its VTIMEZONE block and writes wall-clock times in it', async () => {
    const { text } = await feedAt('2026-10-24T10:00:00Z');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
    // The zone's rules: summer time from the last Sunday of March, winter time from the last Sunday of October.
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\n(.+\r\n)*?TZOFFSETTO:\+0200\r\n(.+\r\n)*?RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/,
    );
    expect(text).toMatch(
      /BEGIN:STANDARD\r\n(.+\r\n)*?TZOFFSETTO:\+0100\r\n(.+\r\n)*?RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU/,
    );
    // Friday 17:00 summer time and Monday 08:30 winter time, as the desk's clock reads them.
    expect(text).toContain('DTSTART;TZID=Europe/Brussels:20261023T170000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Brussels:20261026T083000\r\n');
  });

  it('writes a shift that starts in the hour Brussels shows twice in UTC, so it is read as the right instant', () => {
    // 02:30 on 25 October 2026 happens twice: 00:30 UTC (summer time) and 01:30 UTC (winter time).
    const shifts: IcalShift[] = [
      { slot: 'primary', start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T07:30:00.000Z' },
      { slot: 'backup', start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T07:30:00.000Z' },
    ];
    const uids = icalUids('u1', shifts);
    const text = buildIcal(shifts, uids, new Map(), new Date('2026-10-24T10:00:00Z'));
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events.map((e) => new Date(e.start as Date).toISOString()).sort()).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(text).toContain('DTSTART:20261025T013000Z');
    expect(text).toContain('DTSTART:20261025T003000Z');
  });

  it('raises SEQUENCE only for the shift a rota edit moves, keeps its UID, and keeps it while nothing changes', async () => {
    const before = sequences((await feedAt('2026-10-24T10:00:00Z')).events);
    expect(sequences((await feedAt('2026-10-24T11:00:00Z')).events)).toEqual(before);
    // Someone else covers the first three hours of the coordinator's Tuesday evening.
    const admin = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const edit = await lead.post('/api/rota/overrides', {
      slot: 'coordinator',
      start: '2026-10-27T17:00:00+01:00',
      end: '2026-10-27T20:00:00+01:00',
      userId: admin.id,
      reason: 'ruil',
    });
    expect(edit.status).toBe(201);
    const after = await feedAt('2026-10-24T11:00:00Z');
    const tuesday = after.events.find((e) => new Date(e.start as Date).toISOString() === '2026-10-27T19:00:00.000Z')!;
    expect(tuesday).toBeDefined();
    expect(Object.keys(before)).toContain(tuesday.uid); // the same event, moved
    const now = sequences(after.events);
    expect(now[tuesday.uid]).toBe(before[tuesday.uid]! + 1);
    for (const uid of Object.keys(before)) if (uid !== tuesday.uid) expect(now[uid], uid).toBe(before[uid]);
    // Fetched again, nothing moved: nothing rises.
    expect(sequences((await feedAt('2026-10-24T12:00:00Z')).events)).toEqual(now);
  });

  it('raises SEQUENCE for the shifts an edit of the office hours moves, with the same UIDs', async () => {
    const before = await feedAt('2026-10-24T10:00:00Z');
    const seqBefore = sequences(before.events);
    // Office hours now end at 18:00 on weekdays: every evening shift starts an hour later; the weekend
    // shift starts Friday 18:00; the Monday-morning end (08:30) does not move.
    const region = await t.db.db
      .selectFrom('regions')
      .select(['code', 'settings'])
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const settings = structuredClone(region.settings) as {
      officeHours: { hours: Record<string, { start: string; end: string }[]> };
    };
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'])
      settings.officeHours.hours[day] = [{ start: '08:30', end: '18:00' }];
    await t.db.db
      .updateTable('regions')
      .set({ settings: JSON.stringify(settings) })
      .where('code', '=', region.code)
      .execute();
    const after = await feedAt('2026-10-24T10:00:00Z');
    const seqAfter = sequences(after.events);
    expect(Object.keys(seqAfter).sort()).toEqual(Object.keys(seqBefore).sort()); // no event vanished or appeared
    const weekend = after.weekend!;
    expect(new Date(weekend.start as Date).toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(weekend.uid).toBe(before.weekend!.uid);
    expect(seqAfter[weekend.uid]).toBe(seqBefore[weekend.uid]! + 1);
    const moved = after.events.filter(
      (e) => DateTime.fromJSDate(e.start as Date, { zone: 'Europe/Brussels' }).hour === 18,
    );
    expect(moved.length).toBeGreaterThan(5);
    for (const e of moved) expect(seqAfter[e.uid], e.uid).toBe(seqBefore[e.uid]! + 1);
    // Shifts starting outside office-hour ends (e.g. after the Tuesday override at 20:00) did not move.
    const tuesday = after.events.find((e) => new Date(e.start as Date).toISOString() === '2026-10-27T19:00:00.000Z')!;
    expect(seqAfter[tuesday.uid]).toBe(seqBefore[tuesday.uid]);
  });
});

const sequences = (events: VEvent[]) => Object.fromEntries(events.map((e) => [e.uid, Number(e.sequence)]));
