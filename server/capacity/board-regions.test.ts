// The board cache with two regions in one instance (issues 15 and 17): each region has its own version,
// a change's board goes only to the consoles looking at that region, a session that switches region hears
// the new region's board, and the answer served from memory is the contract's. Real socket.io clients,
// real HTTP, PGlite or PostgreSQL.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProblems } from '../http/answer-check';
import { apiRoutes } from '../routes';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { type BoardEvent, regionOf, seenAfter } from '../../test/helpers/board';

let t: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
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
async function live(c: ApiClient) {
  const s = connect(t.url, { extraHeaders: { cookie: c.cookie }, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  await new Promise((r) => s.once('hello', r));
  return s;
}
type Changed = BoardEvent<{ id: string }>;
const next = (s: Socket) => new Promise<Changed>((r) => s.once('board:changed', r));
const single = { adults: 1, children: 0, needs: [] };
const freePlace = (board: { places: { id: string; free: number; type: string }[] }) =>
  board.places.find((p) => p.free > 0 && p.type !== 'hotel')!;

describe('the board per region', () => {
  it("a change's board reaches only its region's consoles, with that region's version", async () => {
    const kempen = await as('permanentie');
    const bml = await as('permanentie-bml');
    const [ks, bs] = [await live(kempen), await live(bml)];
    const kBoard = (await kempen.get('/api/board')).body;
    const bBoard = (await bml.get('/api/board')).body;
    expect([kBoard.region, bBoard.region]).toEqual(['kempen', 'boom-mechelen-lier']);
    const kempenIds = new Set(kBoard.places.map((p: { id: string }) => p.id));
    expect(bBoard.places.some((p: { id: string }) => kempenIds.has(p.id))).toBe(false);

    // First a change in Boom-Mechelen-Lier, then one in the Kempen: the Kempen console's first event must be
    // its own region's (events reach a socket in order, so a leaked one would come first).
    const [toBml, toKempen] = [next(bs), next(ks)];
    const bPlace = freePlace(bBoard);
    expect((await bml.post('/api/holds', { placeId: bPlace.id, initials: 'B.M', household: single })).status).toBe(201);
    const bEvent = await toBml;
    expect(regionOf(bEvent)).toBe('boom-mechelen-lier');
    expect(bEvent.placeId).toBe(bPlace.id);
    expect(bEvent.version).toBeGreaterThan(bBoard.version);
    const kPlace = freePlace(kBoard);
    expect((await kempen.post('/api/holds', { placeId: kPlace.id, initials: 'K.E', household: single })).status).toBe(
      201,
    );
    const kEvent = await toKempen;
    expect(regionOf(kEvent)).toBe('kempen');
    expect(kEvent.placeId).toBe(kPlace.id);
    expect(seenAfter(kEvent, kBoard).places.some((p) => p.id === bPlace.id)).toBe(false);
  });

  it('a session that switches region hears the new region, not the old one', async () => {
    const admin = await as('admin');
    const as2 = await live(admin);
    expect((await admin.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const kempen = await as('permanentie');
    const bml = await as('permanentie-bml');
    const heard = next(as2);
    // The Kempen change first: an admin still in the Kempen's room would hear it first.
    const kPlace = freePlace((await kempen.get('/api/board')).body);
    expect((await kempen.post('/api/holds', { placeId: kPlace.id, initials: 'K.F', household: single })).status).toBe(
      201,
    );
    const bPlace = freePlace((await bml.get('/api/board')).body);
    expect((await bml.post('/api/holds', { placeId: bPlace.id, initials: 'B.N', household: single })).status).toBe(201);
    const event = await heard;
    expect(regionOf(event)).toBe('boom-mechelen-lier');
    expect(event.placeId).toBe(bPlace.id);
  });

  it('the board served from memory is the answer the contract describes, with and without neighbours', async () => {
    const route = apiRoutes.find((r) => r.method === 'get' && r.path === '/api/board')!;
    const kempen = await as('permanentie');
    const plain = (await kempen.get('/api/board')).body;
    expect(answerProblems(route, plain)).toEqual([]);
    expect(plain.neighbours).toEqual([]);
    // Nothing suits a household of twenty with a wheelchair and pets: the neighbours' offers are added.
    const none = (await kempen.get('/api/board?adults=20&children=0&needs=wheelchair,pets')).body;
    expect(none.places.some((p: { free: number; suitable: boolean }) => p.free > 0 && p.suitable)).toBe(false);
    expect(answerProblems(route, none)).toEqual([]);
    expect(Array.isArray(none.neighbours)).toBe(true);
  });
});
