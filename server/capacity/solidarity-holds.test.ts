// A hold on a neighbour's place made from the board (issue 15 part 4) is on the holder's own board too: the Kempen's
// desk holds Boom-Mechelen-Lier's Lier room, and the Kempen's board lists it under Boom-Mechelen-Lier's name with its
// expiry, its worker extends, releases, takes it to "arrived" (an intake adopts and places it) and checks out; the
// Boom-Mechelen-Lier board counts it all along. Both boards change with it, from memory and by socket: the board
// cache is per region, and a change to one region's place read again the holder region's board.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { eventProblems, openCheckedSocket } from '../../test/helpers/socket';
import { boardCache } from './board-cache';

let t: TestServer;
let kempen: ApiClient;
let bml: ApiClient;
let lierId: string;
const sockets: Socket[] = [];
const household = { adults: 1, children: 0, needs: ['men'] };
const BML = { code: 'boom-mechelen-lier', name: 'Boom-Mechelen-Lier' };

beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  kempen = new ApiClient(t.url);
  await kempen.login('permanentie');
  bml = new ApiClient(t.url);
  await bml.login('permanentie-bml');
  lierId = (
    await t.db.db.selectFrom('places').select('id').where('name', '=', 'CAW noodkamer Lier').executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

interface Abroad {
  region: { code: string; name: string };
  place: { id: string; name: string; type: string; municipality: string; phone: string | null };
  hold: { id: string; initials: string; status: string; expiresAt: string; placedAt: string | null };
}
interface BoardBody {
  region: string;
  version: number;
  reading: string;
  places: { id: string; free: number; holds: { id: string; status: string }[] }[];
  heldAtNeighbours: Abroad[];
}
const board = async (c: ApiClient) => {
  await boardCache(t.app.services).settled(); // the change's announcement (version bump) has run
  const r = await c.get('/api/board');
  expect(r.status).toBe(200);
  return r.body as BoardBody;
};
const lierOn = (b: BoardBody) => b.places.find((p) => p.id === lierId)!;
async function live(c: ApiClient) {
  const s = openCheckedSocket(t.url, c.cookie);
  sockets.push(s);
  await new Promise((r) => s.once('hello', r));
  return s;
}
type Patch = Pick<BoardBody, 'region' | 'heldAtNeighbours' | 'places'> & { base: string };
const next = (s: Socket) => new Promise<{ board?: BoardBody; patch?: Patch }>((r) => s.once('board:changed', r));

describe("the holder's board lists its holds on a neighbour's places", () => {
  let holdId: string;

  it('a Kempen hold on the Lier room: on the Kempen board with the region name, counted on the neighbour board', async () => {
    // Both boards read (and kept in memory) before the hold: the Kempen's must be read again after it.
    const k0 = await board(kempen);
    const b0 = await board(bml);
    expect(k0.heldAtNeighbours).toEqual([]);
    expect(lierOn(b0).free).toBe(1); // the Lier room has one unit
    const [ks, bs] = [await live(kempen), await live(bml)];
    const [toKempen, toBml] = [next(ks), next(bs)];

    const held = await kempen.post('/api/holds', { placeId: lierId, initials: 'R.T.', household });
    expect(held.status).toBe(201);
    holdId = held.body.id;

    const k1 = await board(kempen);
    expect(k1.region).toBe('kempen');
    expect(k1.version).toBeGreaterThan(k0.version);
    expect(k1.places.some((p) => p.id === lierId)).toBe(false); // not one of the Kempen's places
    // The test clock stands at 2026-10-25 01:30 UTC; a board hold lasts 60 minutes.
    expect(k1.heldAtNeighbours).toEqual([
      {
        region: BML,
        place: {
          id: lierId,
          name: 'CAW noodkamer Lier',
          type: 'caw_noodkamer',
          municipality: 'Lier',
          phone: expect.any(String),
        },
        hold: expect.objectContaining({
          id: holdId,
          initials: 'R.T.',
          status: 'held',
          expiresAt: '2026-10-25T02:30:00.000Z',
          placedAt: null,
        }),
      },
    ]);
    const b1 = await board(bml);
    expect(lierOn(b1).free).toBe(0);
    expect(lierOn(b1).holds.map((h) => h.id)).toEqual([holdId]);
    expect(b1.heldAtNeighbours).toEqual([]); // Boom-Mechelen-Lier holds nothing in the Kempen

    // Each region's consoles hear their own board, the Kempen's with the hold across the border.
    // Both boards were in memory before the hold: each event is a patch to the reading the consoles hold.
    const [kEvent, bEvent] = [await toKempen, await toBml];
    expect(kEvent.patch!.region).toBe('kempen');
    expect(kEvent.patch!.base).toBe(k0.reading);
    expect(kEvent.patch!.heldAtNeighbours.map((h) => h.hold.id)).toEqual([holdId]);
    expect(bEvent.patch!.region).toBe('boom-mechelen-lier');
    expect(bEvent.patch!.heldAtNeighbours).toEqual([]);
    expect(bEvent.patch!.places.map((p) => [p.id, p.free])).toEqual([[lierId, 0]]);
    expect(eventProblems(ks)).toEqual([]);
    expect(eventProblems(bs)).toEqual([]);
  });

  it("the Kempen's worker extends and releases it; both boards follow", async () => {
    const extended = await kempen.post(`/api/holds/${holdId}/extend`, { minutes: 30, reason: 'onderweg met de bus' });
    expect(extended.status).toBe(200);
    expect((await board(kempen)).heldAtNeighbours[0]!.hold.expiresAt).toBe('2026-10-25T03:00:00.000Z');

    const released = await kempen.post(`/api/holds/${holdId}/release`);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('released');
    expect((await board(kempen)).heldAtNeighbours).toEqual([]);
    expect(lierOn(await board(bml)).free).toBe(1);
  });

  it('"arrived": a Kempen intake adopts the hold and places it; both boards show the stay until check-out', async () => {
    const held = await kempen.post('/api/holds', { placeId: lierId, initials: 'J.D.', household });
    expect(held.status).toBe(201);
    const intake = await kempen.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Test' },
      person: { name: 'Jan Doe', birthDate: '1990-05-02' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts: { requestNis: '13040', housing: 'homeless' },
    });
    expect(intake.status).toBe(201);
    expect((await kempen.post(`/api/intakes/${intake.body.id}/adopt-hold`, { holdId: held.body.id })).status).toBe(200);
    const placed = await kempen.post(`/api/intakes/${intake.body.id}/place`);
    expect(placed.status).toBe(200);

    const mine = (await board(kempen)).heldAtNeighbours;
    expect(mine.map((h) => [h.hold.id, h.hold.status, h.hold.placedAt])).toEqual([
      [held.body.id, 'placed', '2026-10-25T01:30:00.000Z'],
    ]);
    const theirs = lierOn(await board(bml));
    expect(theirs.free).toBe(0);
    expect(theirs.holds.map((h) => [h.id, h.status])).toEqual([[held.body.id, 'placed']]);

    expect((await kempen.post(`/api/holds/${held.body.id}/end`)).status).toBe(200);
    expect((await board(kempen)).heldAtNeighbours).toEqual([]);
    expect(lierOn(await board(bml)).free).toBe(1);
  });
});

describe('who may change a hold across the border', () => {
  it("the place's desk and the holder's desk may; a region's own hold is not another region's to touch", async () => {
    // The Kempen's desk holds the Lier room: Boom-Mechelen-Lier's desk runs the place and may release it.
    const acrossHold = await kempen.post('/api/holds', { placeId: lierId, initials: 'A.B.', household });
    expect(acrossHold.status).toBe(201);
    const byPlaceDesk = await bml.post(`/api/holds/${acrossHold.body.id}/release`);
    expect(byPlaceDesk.status).toBe(200);
    expect((await board(kempen)).heldAtNeighbours).toEqual([]);

    // Boom-Mechelen-Lier's own hold on its own place: the Kempen's worker gets 404, as for another region's place,
    // and neither releases, extends nor adopts it into an intake; the hold stays held.
    const own = await bml.post('/api/holds', { placeId: lierId, initials: 'C.D.', household });
    expect(own.status).toBe(201);
    expect((await kempen.post(`/api/holds/${own.body.id}/release`)).status).toBe(404);
    expect(
      (await kempen.post(`/api/holds/${own.body.id}/extend`, { minutes: 30, reason: 'niet de mijne' })).status,
    ).toBe(404);
    const intake = await kempen.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Test' },
      person: { name: 'Piet Doe', birthDate: '1985-01-02' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts: { requestNis: '13040', housing: 'homeless' },
    });
    expect((await kempen.post(`/api/intakes/${intake.body.id}/adopt-hold`, { holdId: own.body.id })).status).toBe(404);
    const row = await t.db.db
      .selectFrom('holds')
      .select('status')
      .where('id', '=', own.body.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('held');
    expect((await board(kempen)).heldAtNeighbours).toEqual([]); // not the Kempen's hold
    expect((await bml.post(`/api/holds/${own.body.id}/release`)).status).toBe(200);
  });
});
