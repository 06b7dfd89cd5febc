// The rota through the real HTTP API, on the demo rota: four workers take the primary line in weekly
// turns from Monday 5 January 2026 08:30, three the backup, the coordinator always on call.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const sockets: Socket[] = [];
const ids = new Map<string, string>();
const PRIMARY_TEAM = ['permanentie', 'an.peeters', 'jan.janssens', 'lotte.vermeulen'];
const BACKUP_TEAM = ['pieter.mertens', 'griet.willems', 'tom.van.gorp'];
const WEEK = 7 * 86_400_000;
// Monday 5 January 2026 08:30 in Brussels (winter time, +01:00).
const FIRST_HANDOVER = Date.parse('2026-01-05T07:30:00Z');

// Expected holders derived from the turn order, so the test does not just repeat the calculator's output.
// Valid for instants that are not themselves in a Monday-morning handover hour across a DST change.
const weekIndex = (at: string) => Math.floor((Date.parse(at) - FIRST_HANDOVER) / WEEK);

beforeAll(async () => {
  t = await startTestServer();
  const users = await t.db.db.selectFrom('users').select(['id', 'username']).execute();
  for (const u of users) ids.set(u.username, u.id);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
afterEach(async () => {
  await t.db.db.deleteFrom('rota_overrides').execute();
  await t.db.db.deleteFrom('rota_swaps').execute();
});

const setNow = (iso: string) => (t.clock as ManualClock).set(iso);
async function as(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}

describe('GET /api/oncall/now', () => {
  it('names primary, backup and coordinator with E.164 phones in the small hours of the fall-back night', async () => {
    const at = '2026-10-25T01:30:00Z'; // 02:30 local, the second (winter-time) pass of the repeated hour
    setNow(at);
    const c = await as('ocmw-turnhout');
    const res = await c.get('/api/oncall/now');
    expect(res.status).toBe(200);
    const k = weekIndex(at);
    expect(res.body.outOfHours).toBe(true);
    expect(res.body.primary.userId).toBe(ids.get(PRIMARY_TEAM[k % 4]!));
    expect(res.body.backup.userId).toBe(ids.get(BACKUP_TEAM[k % 3]!));
    expect(res.body.coordinator.userId).toBe(ids.get('coordinator'));
    for (const p of [res.body.primary, res.body.backup, res.body.coordinator]) expect(p.phone).toMatch(/^\+32\d{8,9}$/);
    // The next Monday 08:30 is in winter time: 07:30 UTC, not 06:30.
    expect(Date.parse(res.body.nextHandover)).toBe(Date.parse('2026-10-26T07:30:00Z'));
    expect(Date.parse(res.body.primary.until)).toBe(Date.parse('2026-10-26T07:30:00Z'));
  });

  it('says when it is office hours (the line then goes to the day number)', async () => {
    setNow('2026-10-27T10:00:00Z'); // Tuesday 11:00
    const res = await (await as('permanentie')).get('/api/oncall/now');
    expect(res.body.outOfHours).toBe(false);
    expect(res.body.dayNumber).toMatch(/^\+32\d{8}$/);
  });

  it('treats a Belgian public holiday as out of hours all day', async () => {
    setNow('2026-11-11T10:00:00Z'); // Wednesday 11 November, Armistice Day, 11:00
    const res = await (await as('permanentie')).get('/api/oncall/now');
    expect(res.body.outOfHours).toBe(true);
    expect(res.body.primary).not.toBeNull();
  });

  it('is in the OpenAPI document', async () => {
    const doc = await new ApiClient(t.url).get('/api/openapi.json');
    expect(doc.body.paths['/api/oncall/now'].get).toBeDefined();
  });
});

describe('overrides', () => {
  const night = { slot: 'primary', start: '2026-10-24T17:00:00+02:00', end: '2026-10-25T08:30:00+01:00' };

  it('wins over the rotation, is announced live, and an overlapping one is refused', async () => {
    setNow('2026-10-24T10:00:00Z');
    const coordinator = await as('coordinator');
    const socket = connect(t.url, {
      extraHeaders: { cookie: coordinator.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise((resolve) => socket.once('hello', resolve));
    const changed = new Promise((resolve) => socket.once('rota:changed', resolve));

    const created = await coordinator.post('/api/rota/overrides', {
      ...night,
      userId: ids.get('griet.willems'),
      reason: 'ziekte',
    });
    expect(created.status).toBe(201);
    await changed;

    setNow('2026-10-25T01:30:00Z');
    const now = await coordinator.get('/api/oncall/now');
    expect(now.body.primary).toMatchObject({ userId: ids.get('griet.willems'), source: 'override' });

    const overlapping = await coordinator.post('/api/rota/overrides', {
      slot: 'primary',
      userId: ids.get('tom.van.gorp'),
      start: '2026-10-25T06:00:00+01:00',
      end: '2026-10-25T12:00:00+01:00',
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error).toMatch(
      /^overlaps override of Griet Willems from 2026-10-24T17:00:00\+02:00 to 2026-10-25T08:30:00\+01:00/,
    );
    // A different slot at the same time is fine.
    const backup = await coordinator.post('/api/rota/overrides', {
      ...night,
      slot: 'backup',
      userId: ids.get('tom.van.gorp'),
    });
    expect(backup.status).toBe(201);
    expect(await t.db.db.selectFrom('rota_overrides').select('id').execute()).toHaveLength(2);
  });

  it('refuses a span that ends before it starts, naming the field', async () => {
    const coordinator = await as('coordinator');
    const res = await coordinator.post('/api/rota/overrides', {
      ...night,
      start: night.end,
      end: night.start,
      userId: ids.get('an.peeters'),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/body\.end: end must be after start/);
    expect(await t.db.db.selectFrom('rota_overrides').select('id').execute()).toHaveLength(0);
  });

  it('refuses a local time without offset and an unknown worker', async () => {
    const coordinator = await as('coordinator');
    const noOffset = await coordinator.post('/api/rota/overrides', {
      ...night,
      start: '2026-10-24T17:00:00',
      userId: ids.get('an.peeters'),
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.error).toMatch(/body\.start: expected an ISO date-time with offset/);
    const unknown = await coordinator.post('/api/rota/overrides', { ...night, userId: ids.get('ocmw-turnhout') });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/unknown or inactive staff member/);
  });

  it("with nobody (userId null) leaves the line empty for the night: the header's gap, the backup still on", async () => {
    setNow('2026-10-24T10:00:00Z');
    const coordinator = await as('coordinator');
    // Leaving userId out is not the same as nobody: refused, so the line is never emptied by a missing field.
    const missing = await coordinator.post('/api/rota/overrides', { ...night });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/userId/);
    const created = await coordinator.post('/api/rota/overrides', {
      ...night,
      userId: null,
      reason: 'An ziek, geen vervanger',
    });
    expect(created.status).toBe(201);
    const row = await t.db.db
      .selectFrom('rota_overrides')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();

    setNow('2026-10-25T01:30:00Z'); // in the night: week 41, An Peeters's turn and Tom Van Gorp's backup
    const now = (await coordinator.get('/api/oncall/now')).body;
    expect(now.outOfHours).toBe(true);
    expect(now.primary).toBeNull();
    expect(now.backup.userId).toBe(ids.get(BACKUP_TEAM[weekIndex('2026-10-25T01:30:00Z') % 3]!));
    // The rota lists it as the override it is, with nobody.
    const rota = (await coordinator.get('/api/rota?from=2026-10-24T00:00:00Z&to=2026-10-26T00:00:00Z')).body;
    expect(rota.overrides).toEqual([expect.objectContaining({ userId: null, slot: 'primary' })]);
    const segment = rota.segments.find(
      (g: { start: string; end: string }) =>
        Date.parse(g.start) <= Date.parse('2026-10-25T01:30:00Z') &&
        Date.parse('2026-10-25T01:30:00Z') < Date.parse(g.end),
    );
    expect(segment.primary).toBeNull();
    // After the night (Sunday is out of hours all day) the rotation holds again.
    setNow('2026-10-25T09:00:00Z');
    const later = await as('coordinator'); // a session lasts 16 hours of the server's clock
    expect((await later.get('/api/oncall/now')).body.primary.userId).toBe(
      ids.get(PRIMARY_TEAM[weekIndex('2026-10-25T09:00:00Z') % 4]!),
    );
    // Another override on that night is refused naming the empty one.
    const overlapping = await later.post('/api/rota/overrides', { ...night, userId: ids.get('griet.willems') });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error).toMatch(/override of nobody \(line left empty\)/);
  });

  it('is for coordinators: a duty worker cannot set one', async () => {
    const worker = await as('an.peeters');
    const res = await worker.post('/api/rota/overrides', { ...night, userId: ids.get('an.peeters') });
    expect(res.status).toBe(403);
  });
});

describe('swaps', () => {
  // The week from Monday 19 October holds turn 41: an.peeters on the primary line.
  const span = { slot: 'primary', start: '2026-10-24T17:00:00+02:00', end: '2026-10-26T08:30:00+01:00' };

  it('a worker offers their own shift, the colleague accepts, and the rota follows', async () => {
    const owner = PRIMARY_TEAM[weekIndex('2026-10-25T01:30:00Z') % 4]!;
    const worker = await as(owner);
    const asked = await worker.post('/api/rota/swaps', {
      ...span,
      fromUserId: ids.get(owner),
      toUserId: ids.get('lotte.vermeulen'),
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('requested');

    setNow('2026-10-25T01:30:00Z');
    expect((await worker.get('/api/oncall/now')).body.primary.userId).toBe(ids.get(owner)); // not yet accepted

    const stranger = await as('jan.janssens');
    expect((await stranger.post(`/api/rota/swaps/${asked.body.id}/accept`)).status).toBe(403);
    const lotte = await as('lotte.vermeulen');
    expect((await lotte.post(`/api/rota/swaps/${asked.body.id}/accept`)).body.status).toBe('accepted');
    expect((await lotte.post(`/api/rota/swaps/${asked.body.id}/accept`)).status).toBe(409);
    expect((await worker.get('/api/oncall/now')).body.primary).toMatchObject({
      userId: ids.get('lotte.vermeulen'),
      source: 'swap',
    });

    // Override still wins over the accepted swap.
    const coordinator = await as('coordinator');
    await coordinator.post('/api/rota/overrides', {
      ...span,
      end: '2026-10-25T08:30:00+01:00',
      userId: ids.get('griet.willems'),
    });
    expect((await worker.get('/api/oncall/now')).body.primary).toMatchObject({
      userId: ids.get('griet.willems'),
      source: 'override',
    });
  });

  it("a duty worker cannot give away somebody else's shift", async () => {
    const worker = await as('jan.janssens');
    const res = await worker.post('/api/rota/swaps', {
      ...span,
      fromUserId: ids.get('an.peeters'),
      toUserId: ids.get('jan.janssens'),
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/own shifts/);
  });
});

describe('my shifts and the iCal feed', () => {
  it('lists my shifts and serves them to my phone calendar by private link, until I renew it', async () => {
    setNow('2026-10-20T12:00:00Z');
    const worker = await as('an.peeters');
    const mine = await worker.get('/api/rota/me');
    expect(mine.status).toBe(200);
    expect(mine.body.shifts.length).toBeGreaterThan(0);
    for (const s of mine.body.shifts) expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));

    const {
      body: { url },
    } = await worker.post('/api/rota/me/ical');
    const path = new URL(url).pathname;
    const feed = await fetch(t.url + path); // no cookie: a calendar app has none
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/text\/calendar/);
    const text = await feed.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    const first = mine.body.shifts[0];
    // Wall-clock time in Brussels (the shift's instant shifted by the zone's offset on that day).
    const start = new Date(first.start);
    const offsetHours = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', timeZoneName: 'shortOffset' })
        .formatToParts(start)
        .find((p) => p.type === 'timeZoneName')!
        .value.replace('GMT', ''),
    );
    const stamp = new Date(start.getTime() + offsetHours * 3_600_000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z/, '');
    expect(text).toContain(`DTSTART;TZID=Europe/Brussels:${stamp}`);

    await worker.post('/api/rota/me/ical');
    expect((await fetch(t.url + path)).status).toBe(404);
    expect((await fetch(`${t.url}/ical/not-a-token.ics`)).status).toBe(400);
  });
});

describe('gaps', () => {
  it('shows the out-of-hours time with nobody on the primary line', async () => {
    setNow('2026-10-20T12:00:00Z');
    const coordinator = await as('coordinator');
    // End the primary rotation on Monday 26 October: from that evening nobody is on the line.
    const rota = await coordinator.get('/api/rota');
    const primary = rota.body.rotations.find((r: { slot: string }) => r.slot === 'primary');
    const { id, ...rest } = primary;
    const ended = await coordinator.request('PUT', `/api/rota/rotations/${id}`, { ...rest, endDate: '2026-10-26' });
    expect(ended.status).toBe(200);

    const alerts = await coordinator.get('/api/rota/alerts');
    expect(alerts.body.nightGaps).toEqual([]); // Tuesday 14:00: the gap is next Monday, not tonight
    setNow('2026-10-26T13:30:00Z'); // Monday 14:30 local, after the Kempen's 14:00 alert time
    const due = await (await as('coordinator')).get('/api/rota/alerts'); // a new shift, a new sign-in
    expect(due.body.nightGaps.map((n: { night: { date: string } }) => n.night.date)).toEqual(['2026-10-26']);
    setNow('2026-10-20T12:00:00Z');

    const gaps = await coordinator.get('/api/rota/gaps?days=14');
    expect(gaps.status).toBe(200);
    expect(gaps.body.noPrimary.length).toBeGreaterThan(0);
    expect(Date.parse(gaps.body.noPrimary[0].start)).toBe(Date.parse('2026-10-26T16:00:00Z')); // Monday 17:00 local

    await coordinator.request('PUT', `/api/rota/rotations/${id}`, { ...rest, endDate: null });
    expect((await coordinator.get('/api/rota/gaps?days=14')).body.noPrimary).toEqual([]);
  });

  it('refuses a rotation without members and a handover time that is not a time', async () => {
    const coordinator = await as('coordinator');
    const res = await coordinator.post('/api/rota/rotations', {
      name: 'Leeg',
      slot: 'primary',
      members: [],
      startDate: '2026-11-02',
      handoverTime: '8u30',
      every: { unit: 'week', count: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/members: a rotation needs at least one member/);
    expect(res.body.error).toMatch(/handoverTime: expected a local time HH:mm/);
  });
});

describe('phone numbers of staff', () => {
  it('accepts a Belgian number as typed and stores E.164; refuses an invalid one with a clear message', async () => {
    const admin = await as('admin');
    const ok = await admin.post('/api/users', {
      username: 'nieuw.lid',
      displayName: 'Nieuw Lid',
      role: 'duty_worker',
      password: 'een-lang-wachtwoord',
      phone: '0470 12 34 56',
    });
    expect(ok.status).toBe(201);
    const row = await t.db.db
      .selectFrom('users')
      .select('phone')
      .where('username', '=', 'nieuw.lid')
      .executeTakeFirstOrThrow();
    expect(row.phone).toBe('+32470123456');
    const bad = await admin.post('/api/users', {
      username: 'fout.lid',
      displayName: 'Fout',
      role: 'duty_worker',
      password: 'een-lang-wachtwoord',
      phone: '0470 12 34',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/body\.phone: /);
    expect(await t.db.db.selectFrom('users').select('id').where('username', '=', 'fout.lid').execute()).toHaveLength(0);
  });
});
