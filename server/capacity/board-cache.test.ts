// The board computed once per change and sent with its version: real socket.io clients, real HTTP, a
// real database (PGlite, or PostgreSQL with TEST_DATABASE_URL, where two instances share events too).
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardView, shiftCountsOf } from '../../shared/rules/board-view';
import { startSecondInstance } from '../../test/helpers/second-instance';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { type BoardEvent, rowsOf, seenAfter } from '../../test/helpers/board';
import { eventProblems, openCheckedSocket } from '../../test/helpers/socket';

let t: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
// Every event the consoles received, boards included, kept its schema in shared/api/events.ts.
afterEach(() => {
  expect(sockets.flatMap(eventProblems)).toEqual([]);
});

async function as(username: string, url = t.url) {
  const c = new ApiClient(url);
  await c.login(username);
  return c;
}
async function live(c: ApiClient, url = t.url) {
  const s = openCheckedSocket(url, c.cookie);
  sockets.push(s);
  await new Promise((r) => s.once('hello', r));
  return s;
}
type Changed = BoardEvent;
const next = (s: Socket) => new Promise<Changed>((r) => s.once('board:changed', r));
const named = (places: any[], name: string) => places.find((p) => p.name === name);
const single = { adults: 1, children: 0, needs: [] };

describe('the board, once per change', () => {
  it('sends every console what changed, with its version: with it, the board GET /api/board answers', async () => {
    const worker = await as('permanentie');
    const coordinator = await as('coordinator');
    const [ws, cs] = [await live(worker), await live(coordinator)];
    const before = (await worker.get('/api/board')).body;
    expect(before.version).toBeTypeOf('number');
    const home = named(before.places, 'Noodwoning Turnhout');
    const [w, c] = [next(ws), next(cs)];
    const held = await worker.post('/api/holds', { placeId: home.id, initials: 'V.A', household: single });
    expect(held.status).toBe(201);
    const [forWorker, forCoordinator] = await Promise.all([w, c]);
    expect(forWorker.version).toBeGreaterThan(before.version);
    expect(forCoordinator.version).toBe(forWorker.version);
    // The instance held the reading the consoles hold: the event carries only the held place, whole.
    const patch = forWorker.patch!;
    expect(patch.base).toBe(before.reading);
    expect(patch.version).toBe(forWorker.version);
    expect(patch.places.map((p: { name: string }) => p.name)).toEqual(['Noodwoning Turnhout']);
    expect(patch.removed).toEqual([]);
    expect(forCoordinator.patch!.places.map((p: { name: string }) => p.name)).toEqual(['Noodwoning Turnhout']);
    const board = seenAfter(forWorker, before);
    const place = named(board.places, 'Noodwoning Turnhout');
    expect(place.free).toBe(home.free - 1);
    expect(place.holds.map((h: { initials: string }) => h.initials)).toContain('V.A');
    // The board patched, seen for no household, is what the API answers now.
    const now = (await worker.get('/api/board')).body;
    expect(now.version).toBe(forWorker.version);
    expect(now.reading).toBe(patch.reading);
    expect(boardView(board.places, {})).toEqual(now.places);
    // The shift summary's board figures the event brings are the server's summary, and the board's own.
    const summary = (await worker.get('/api/handover')).body;
    const counts = {
      holds: summary.holds.length,
      placed: summary.placedTonight.length,
      staleHotels: summary.staleHotels.length,
    };
    expect(patch.counts).toEqual(counts);
    expect(shiftCountsOf(board)).toEqual(counts);
    expect(counts.holds).toBeGreaterThan(0);
    await worker.post(`/api/holds/${held.body.id}/release`);
  });

  it("sends a refuge's address only to the roles that may read it", async () => {
    const worker = await as('permanentie');
    const coordinator = await as('coordinator');
    const [w, c] = [next(await live(worker)), next(await live(coordinator))];
    const created = await coordinator.post('/api/places', {
      name: 'Vluchthuis Test',
      provider: 'CAW De Kempen',
      municipalityNis: '13008',
      type: 'vluchthuis',
      suits: ['women', 'children'],
      roomType: 'kamer',
      capacity: 2,
      costPerNightCents: 0,
      phone: '014 58 00 01',
      address: 'Geheime straat 1, 2440 Geel',
      confidentialAddress: true,
      meetingPoint: 'politiekantoor Geel',
    });
    expect(created.status).toBe(201);
    const [forWorker, forCoordinator] = await Promise.all([w, c]);
    expect(named(rowsOf(forWorker), 'Vluchthuis Test').address).toBeNull();
    expect(named(rowsOf(forCoordinator), 'Vluchthuis Test').address).toBe('Geheime straat 1, 2440 Geel');
    expect(JSON.stringify(forWorker)).not.toContain('Geheime straat');
    expect(named((await worker.get('/api/board')).body.places, 'Vluchthuis Test').address).toBeNull();
    expect(named((await coordinator.get('/api/board')).body.places, 'Vluchthuis Test').address).toBe(
      'Geheime straat 1, 2440 Geel',
    );
  });

  it('a board seen for a household in the console is the board the server answers for that filter', async () => {
    const worker = await as('permanentie');
    const s = await live(worker);
    const change = next(s);
    const before = (await worker.get('/api/board')).body;
    const home = named(before.places, 'Noodwoning Geel');
    const held = await worker.post('/api/holds', { placeId: home.id, initials: 'V.B', household: single });
    const board = seenAfter(await change, before);
    const filtered = (await worker.get('/api/board?adults=1&children=2&needs=women&municipality=13025')).body;
    const zone = (await worker.get('/api/region')).body.municipalities.find((m: { nis: string }) => m.nis === '13025');
    const seen = boardView(board.places, {
      household: { adults: 1, children: 2, needs: ['women'] },
      municipality: { nis: '13025', eerstelijnszone: zone.eerstelijnszone },
    });
    expect(filtered.version).toBe(board.version);
    expect(seen).toEqual(filtered.places);
    expect(seen.some((p) => !p.suitable)).toBe(true); // the filter did something
    await worker.post(`/api/holds/${held.body.id}/release`);
  });

  it('answers 304 while the ETag is current, and the new board once it changed', async () => {
    const worker = await as('permanentie');
    const first = await worker.get('/api/board?adults=1&children=0');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+-/);
    const again = await worker.request('GET', '/api/board?adults=1&children=0', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-store');
    // Another filter is another answer, with its own ETag.
    const other = await worker.request('GET', '/api/board?adults=1&children=2', undefined, { 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    const s = await live(worker);
    const change = next(s);
    const home = named(first.body.places, 'Noodwoning Olen');
    const held = await worker.post('/api/holds', { placeId: home.id, initials: 'V.C', household: single });
    const { version } = await change;
    const after = await worker.request('GET', '/api/board?adults=1&children=0', undefined, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.version).toBe(version);
    expect(named(after.body.places, 'Noodwoning Olen').free).toBe(home.free - 1);
    await worker.post(`/api/holds/${held.body.id}/release`);
  });

  it('a console that reconnects after missing changes reads the exact current board', async () => {
    const worker = await as('permanentie');
    const s = await live(worker);
    const seen = (await worker.get('/api/board')).body;
    s.disconnect(); // the phone loses its connection and misses two changes
    const other = await as('lotte.vermeulen');
    const home = named(seen.places, 'Noodwoning Turnhout');
    const a = await other.post('/api/holds', { placeId: home.id, initials: 'V.D', household: single });
    const b = await other.post('/api/holds', { placeId: home.id, initials: 'V.E', household: single });
    expect([a.status, b.status]).toEqual([201, 201]);
    await new Promise((r) => setTimeout(r, 200)); // the announcements go out after the commits
    const back = new Promise((r) => s.once('hello', r));
    s.connect();
    await back;
    const now = (await worker.request('GET', '/api/board', undefined, { 'if-none-match': '' })).body;
    expect(now.version).toBeGreaterThanOrEqual(seen.version + 2);
    expect(named(now.places, 'Noodwoning Turnhout').holds.map((h: { initials: string }) => h.initials)).toEqual(
      expect.arrayContaining(['V.D', 'V.E']),
    );
    await other.post(`/api/holds/${a.body.id}/release`);
    await other.post(`/api/holds/${b.body.id}/release`);
  });

  it('an OCMW user and an allocator get no board, live or asked', async () => {
    const ocmw = await as('ocmw-turnhout');
    const allocator = await as('toewijzer');
    const got: string[] = [];
    for (const [name, c] of [
      ['ocmw', ocmw],
      ['allocator', allocator],
    ] as const) {
      (await live(c)).on('board:changed', () => got.push(name));
      expect((await c.get('/api/board')).status).toBe(403);
    }
    const worker = await as('permanentie');
    const ws = await live(worker);
    const change = next(ws);
    const home = named((await worker.get('/api/board')).body.places, 'Noodwoning Geel');
    const held = await worker.post('/api/holds', { placeId: home.id, initials: 'V.F', household: single });
    await change;
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([]);
    await worker.post(`/api/holds/${held.body.id}/release`);
  });

  it('an instance that did not hold the reading before a change sends the whole board', async () => {
    const second = await startSecondInstance(t);
    try {
      const home = named((await (await as('coordinator')).get('/api/board')).body.places, 'Noodwoning Olen');
      const worker = await as('permanentie', second.url);
      const s = await live(worker, second.url);
      // No board was asked of the second instance: it holds no reading a patch could start from.
      const change = new Promise<Changed>((resolve) =>
        s.on('board:changed', (e: Changed) => e.placeId === home.id && resolve(e)),
      );
      const held = await worker.post('/api/holds', { placeId: home.id, initials: 'V.H', household: single });
      expect(held.status).toBe(201);
      const event = await change;
      expect(event.patch).toBeUndefined();
      expect(event.board!.version).toBe(event.version);
      const now = (await worker.get('/api/board')).body;
      expect(now.reading).toBe(event.board!.reading);
      expect(boardView(event.board!.places, {})).toEqual(now.places);
      await worker.post(`/api/holds/${held.body.id}/release`);
    } finally {
      await second.close();
    }
  });

  it('two instances agree on the version: a change on one is the board the other answers (and sends, on PostgreSQL)', async () => {
    const second = await startSecondInstance(t);
    try {
      const onFirst = await as('permanentie');
      const onSecond = await as('lotte.vermeulen', second.url);
      const before = (await onFirst.get('/api/board')).body; // the first instance now holds this version in memory
      const s = await live(onFirst);
      const events: Changed[] = [];
      s.on('board:changed', (e: Changed) => events.push(e));
      const home = named(before.places, 'Noodwoning Olen');
      const held = await onSecond.post('/api/holds', { placeId: home.id, initials: 'V.G', household: single });
      expect(held.status).toBe(201);
      const fromSecond = async () => {
        for (let i = 0; i < 50; i++) {
          const b = (await onSecond.get('/api/board')).body;
          if (b.version > before.version) return b;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('the second instance never announced the change');
      };
      const announced = await fromSecond();
      const answered = (await onFirst.get('/api/board')).body;
      expect(answered.version).toBe(announced.version);
      expect(answered.places).toEqual(announced.places);
      if (t.db.url) {
        // PostgreSQL: the adapter carries the second instance's event to the first one's consoles.
        await expect.poll(() => events.map((e) => e.version)).toContain(announced.version);
        const event = events.find((e) => e.version === announced.version)!;
        expect(boardView(seenAfter(event, before).places, {})).toEqual(answered.places);
      }
      await onSecond.post(`/api/holds/${held.body.id}/release`);
    } finally {
      await second.close();
    }
  });
});
