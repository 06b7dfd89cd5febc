// The board and its holds over real HTTP and a real database; two instances race for the last place.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { startSecondInstance } from '../../test/helpers/second-instance';

let t: TestServer;
const sockets: Socket[] = [];
const mother = { adults: 1, children: 2, needs: ['women'] };
beforeAll(async () => {
  t = await startTestServer({ clock: undefined });
  (t.clock as ManualClock).set('2026-10-24T21:40:00Z');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function as(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}
const board = async (c: ApiClient, query = '') => (await c.get(`/api/board${query}`)).body.places as any[];
const placeNamed = async (c: ApiClient, name: string) => (await board(c)).find((p) => p.name === name);

describe('the board', () => {
  it('puts places that suit a mother with two children first, nearest first, and hides a shelter address from the duty worker', async () => {
    const worker = await as('permanentie');
    const places = await board(worker, '?adults=1&children=2&needs=women&municipality=13040');
    const firstUnsuitable = places.findIndex((p) => !p.suitable);
    expect(firstUnsuitable).toBeGreaterThan(0);
    expect(places.slice(firstUnsuitable).every((p) => !p.suitable)).toBe(true);
    expect(places[0].municipality.nis).toBe('13040');
    for (const p of places.slice(0, firstUnsuitable)) expect(p.unmet).toEqual([]);
    expect(places.find((p) => p.name === 'Crisisbed OPZ Geel').unmet).toEqual(['children']); // it takes women, not children
    const shelter = places.find((p) => p.type === 'vluchthuis');
    expect(shelter.address).toBeNull();
    expect(shelter.confidentialAddress).toBe(true);
    const coordinator = await as('coordinator');
    expect((await placeNamed(coordinator, shelter.name)).address).toBeNull(); // the seed keeps no address for it at all
    // The family transit home in her town takes her; the women's refuge comes after the ordinary places.
    expect(places.find((p) => p.name === 'Doorgangswoning Turnhout').suitable).toBe(true);
    expect(places.findIndex((p) => p.name === 'Doorgangswoning Turnhout')).toBeLessThan(
      places.findIndex((p) => p.type === 'vluchthuis'),
    );
    const ordinary = places.filter(
      (p) => p.suitable && p.free > 0 && p.type !== 'vluchthuis' && p.type !== 'crisisbed',
    );
    expect(places.findIndex((p) => p.type === 'vluchthuis')).toBeGreaterThanOrEqual(ordinary.length);
  });

  it('offers a man whose house burned ordinary places before a psychiatric crisis bed', async () => {
    const worker = await as('permanentie');
    const places = await board(worker, '?adults=1&children=0&needs=men&municipality=13008');
    expect(places[0].type).not.toBe('crisisbed');
    const crisis = places.findIndex((p) => p.name === 'Crisisbed OPZ Geel');
    expect(places.slice(0, crisis).some((p) => p.name === 'Noodwoning Geel')).toBe(true);
  });
});

describe('holds', () => {
  it('a hold takes a unit, the last one is refused with a clear message, and release frees it', async () => {
    const worker = await as('permanentie');
    const room = await placeNamed(worker, 'CAW noodkamer Turnhout 1');
    expect(room.free).toBe(1);
    const held = await worker.post('/api/holds', {
      placeId: room.id,
      initials: 'M.K.',
      household: { adults: 1, children: 0, needs: ['women'] },
    });
    expect(held.status).toBe(201);
    expect(Date.parse(held.body.expiresAt) - Date.parse('2026-10-24T21:40:00Z')).toBe(60 * 60_000);
    expect((await placeNamed(worker, room.name)).free).toBe(0);
    const again = await (await as('an.peeters')).post('/api/holds', {
      placeId: room.id,
      initials: 'J.P.',
      household: { adults: 1, children: 0, needs: ['women'] },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/no free place left tonight/);
    expect((await worker.post(`/api/holds/${held.body.id}/release`)).status).toBe(200);
    expect((await placeNamed(worker, room.name)).free).toBe(1);
  });

  it('refuses a place that does not suit the household, with the reason, unless the worker writes why', async () => {
    const worker = await as('permanentie');
    const bed = await placeNamed(worker, 'Crisisbed OPZ Geel');
    const refused = await worker.post('/api/holds', { placeId: bed.id, initials: 'A', household: mother });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/does not take children/);
    const forced = await worker.post('/api/holds', {
      placeId: bed.id,
      initials: 'A',
      household: mother,
      overrideReason: 'enige vrije plaats, kinderen bij oma',
    });
    expect(forced.status).toBe(201);
    await worker.post(`/api/holds/${forced.body.id}/release`);
  });

  it('expires after its time, tells the worker, and refuses actions on it', async () => {
    const worker = await as('lotte.vermeulen');
    const socket = connect(t.url, {
      extraHeaders: { cookie: worker.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise((r) => socket.once('hello', r));
    const room = await placeNamed(worker, 'CAW noodkamer Turnhout 2');
    const held = await worker.post('/api/holds', {
      placeId: room.id,
      initials: 'L',
      household: { adults: 1, children: 0, needs: [] },
      minutes: 30,
    });
    const extended = await worker.post(`/api/holds/${held.body.id}/extend`, {
      minutes: 20,
      reason: 'politie nog onderweg',
    });
    expect(Date.parse(extended.body.expiresAt) - Date.parse(held.body.expiresAt)).toBe(20 * 60_000);
    const notice = new Promise<{ holdId: string }>((r) => socket.once('hold:expired', r));
    (t.clock as ManualClock).advance(51 * 60_000);
    const late = await worker.post(`/api/holds/${held.body.id}/place`);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(/^This hold expired at 00:30/); // 23:40 + 50 min, Brussels time
    expect((await notice).holdId).toBe(held.body.id);
    expect((await placeNamed(worker, room.name)).free).toBe(1);
    (t.clock as ManualClock).set('2026-10-24T21:40:00Z');
  });

  it('a board hold is placed only through an intake (guarantee and handoff), and ends at check-out', async () => {
    const worker = await as('permanentie');
    const home = await placeNamed(worker, 'Noodwoning Olen');
    const held = await worker.post('/api/holds', { placeId: home.id, initials: 'G.V.', household: mother });
    const direct = await worker.post(`/api/holds/${held.body.id}/place`);
    expect(direct.status).toBe(409); // nobody is placed without the intake that makes the guarantee and the handoff
    expect(direct.body.error).toMatch(/Fill in the intake for this person first/);
    const intake = (
      await worker.post('/api/intakes', {
        referrer: { kind: 'police', organisation: 'Politie Kempen' },
        person: { name: 'Greet Verhoeven' },
        household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
        ethos: 'public_space',
        facts: { requestNis: '13025', housing: 'homeless', stayNis: '13025' },
      })
    ).body;
    expect((await worker.post(`/api/intakes/${intake.id}/adopt-hold`, { holdId: held.body.id })).status).toBe(200);
    const other = (
      await worker.post('/api/intakes', {
        referrer: { kind: 'police', organisation: 'Politie Kempen' },
        person: { name: 'Iemand Anders' },
        household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        ethos: 'public_space',
        facts: { requestNis: '13025', housing: 'homeless', stayNis: '13025' },
      })
    ).body;
    expect((await worker.post(`/api/intakes/${other.id}/adopt-hold`, { holdId: held.body.id })).status).toBe(409); // one hold, one person
    const placed = await worker.post(`/api/intakes/${intake.id}/place`);
    expect(placed.status).toBe(200);
    expect(placed.body.guarantee).toBeTruthy();
    expect(placed.body.handoff).toBeTruthy();
    expect((await worker.post(`/api/holds/${held.body.id}/release`)).status).toBe(409); // a placement is not released but ended
    expect((await placeNamed(worker, home.name)).free).toBe(0);
    expect((await worker.post(`/api/holds/${held.body.id}/end`)).body.status).toBe('ended');
    expect((await placeNamed(worker, home.name)).free).toBe(1);
  });

  it('50 holds racing for the last place across two instances: exactly one wins', async () => {
    const second = await startSecondInstance(t);
    try {
      const a = await as('permanentie');
      const b = new ApiClient(second.url);
      await b.login('an.peeters');
      const home = await placeNamed(a, 'Noodwoning Dessel');
      expect(home.free).toBe(1);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? a : b).post('/api/holds', {
            placeId: home.id,
            initials: `${String.fromCharCode(65 + (i % 26))}.${String.fromCharCode(65 + Math.floor(i / 26))}.`,
            household: { adults: 1, children: 0, needs: [] },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status === 409);
      expect(refused).toHaveLength(49);
      for (const r of refused) expect(r.body.error).toMatch(/no free place left tonight|just taken by a colleague/);
      const rows = await t.db.db
        .selectFrom('holds')
        .select('id')
        .where('place_id', '=', home.id)
        .where('status', '=', 'held')
        .execute();
      expect(rows).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('partner hotels', () => {
  it('have no rooms until a count for tonight is confirmed, which turns stale after 6 hours', async () => {
    const worker = await as('permanentie');
    const hotel = await placeNamed(worker, 'Hotel Terminus (partner)');
    expect(hotel.free).toBe(0);
    expect(hotel.hotelCount).toBeNull();
    const counted = await worker.post(`/api/places/${hotel.id}/count`, {
      rooms: 2,
      confirmedBy: 'receptie, Ann',
      method: 'phone',
    });
    expect(counted.body).toMatchObject({ night: '2026-10-24', rooms: 2 });
    const fresh = await placeNamed(worker, hotel.name);
    expect(fresh).toMatchObject({
      free: 2,
      hotelCount: { rooms: 2, confirmedBy: 'receptie, Ann', method: 'phone', stale: false },
    });
    (t.clock as ManualClock).advance(6 * 3_600_000 + 60_000);
    const worker2 = await as('permanentie');
    expect((await placeNamed(worker2, hotel.name)).hotelCount.stale).toBe(true);
    (t.clock as ManualClock).set('2026-10-24T21:40:00Z');
  });
});

describe('places', () => {
  it('the coordinator adds a place, which shows on the board; a duty worker may not', async () => {
    const body = {
      name: 'Hotel Nieuw',
      provider: 'Hotel Nieuw bv',
      municipalityNis: '13008',
      type: 'hotel',
      suits: ['men', 'women'],
      roomType: 'kamer',
      capacity: 2,
      costPerNightCents: 7500,
      phone: '014 58 00 00',
      address: 'Markt 1, 2440 Geel',
    };
    expect((await (await as('permanentie')).post('/api/places', body)).status).toBe(403);
    const coordinator = await as('coordinator');
    const created = await coordinator.post('/api/places', body);
    expect(created.status).toBe(201);
    expect(await placeNamed(coordinator, 'Hotel Nieuw')).toMatchObject({
      phone: '+3214580000',
      municipality: { name: 'Geel' },
    });
    const bad = await coordinator.post('/api/places', { ...body, suits: [], municipalityNis: '99999' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/body\.suits: say whom the place suits/);
  });
});

describe('reconnect', () => {
  it('a console that lost its connection is greeted again on reconnect and reads the exact current board', async () => {
    const worker = await as('griet.willems');
    const socket = connect(t.url, {
      extraHeaders: { cookie: worker.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise((r) => socket.once('hello', r));
    const missed: unknown[] = [];
    socket.on('board:changed', (e) => missed.push(e));
    socket.disconnect(); // the phone loses its connection
    const other = await as('permanentie');
    // A console that stays connected: once it has the change's event, the event has gone out (announcements
    // are coalesced and sent after the commit, so the hold's answer alone does not say it has).
    const watcher = connect(t.url, { extraHeaders: { cookie: other.cookie }, transports: ['websocket'] });
    sockets.push(watcher);
    await new Promise((r) => watcher.once('hello', r));
    const home = await placeNamed(other, 'Noodwoning Geel');
    const announced = new Promise((r) => watcher.once('board:changed', r));
    const held = await other.post('/api/holds', {
      placeId: home.id,
      initials: 'R.C.',
      household: { adults: 1, children: 0, needs: [] },
    });
    expect(held.status).toBe(201);
    await announced;
    const back = new Promise((r) => socket.once('hello', r));
    socket.connect(); // and gets it back
    await back;
    expect(missed).toEqual([]); // the event went out while it was away
    const seen = await placeNamed(worker, 'Noodwoning Geel'); // so the console refetches on reconnect
    expect(seen.holds.map((h: { id: string }) => h.id)).toContain(held.body.id);
    expect(seen.free).toBe(home.free - 1);
  });
});
