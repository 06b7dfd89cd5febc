// Solidarity across regions (issue 15 part 4): with nothing suitable free in the Kempen, its board shows the free
// places of its neighbour Boom-Mechelen-Lier, labelled with that region; a hold there works while both regions
// agree (region.json `neighbours[].holdsAllowed`), and is refused when one of them does not.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let worker: ApiClient;
const household = { adults: 1, children: 0, needs: ['men'] };
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  worker = new ApiClient(t.url);
  await worker.login('permanentie');
});
afterAll(() => t.close());

describe("the Kempen's board when it has nothing free", () => {
  it('shows no neighbours while something suitable is free at home', async () => {
    const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body;
    expect(board.places.some((p: { free: number; suitable: boolean }) => p.free > 0 && p.suitable)).toBe(true);
    expect(board.neighbours).toEqual([]);
  });

  it("shows Boom-Mechelen-Lier's suitable free places, with their phones, once nothing is free here", async () => {
    await t.db.db.updateTable('places').set({ active: false }).where('region_code', '=', 'kempen').execute();
    // A fixture's write announces nothing: say the Kempen's board changed, as the places' owner would.
    await sql`insert into board_versions (region_code, version) values ('kempen', 1)
      on conflict (region_code) do update set version = board_versions.version + 1`.execute(t.db.db);
    const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body;
    expect(board.places).toEqual([]);
    expect(board.neighbours).toHaveLength(1);
    const bml = board.neighbours[0];
    expect(bml.region).toEqual({ code: 'boom-mechelen-lier', name: 'Boom-Mechelen-Lier' });
    expect(bml.holdsAllowed).toBe(true);
    // demo-places.boom-mechelen-lier.json, for a man on his own: the two Mechelen emergency rooms (1 each), the
    // Mechelen night shelter (4), the Lier room (1) and the Boom emergency home (1); the hotel has no count tonight,
    // Heist's home and the refuge do not take men.
    expect(bml.places.map((p: { name: string }) => p.name).sort()).toEqual([
      'CAW noodkamer Lier',
      'CAW noodkamer Mechelen 1',
      'CAW noodkamer Mechelen 2',
      'Nachtopvang Mechelen',
      'Noodwoning Boom',
    ]);
    expect(bml.freePlaces).toBe(5);
    expect(bml.freeUnits).toBe(8);
    expect(bml.places.find((p: { name: string }) => p.name === 'Nachtopvang Mechelen')).toMatchObject({
      free: 4,
      phone: '+3215441991',
      municipality: 'Mechelen',
    });
    expect(JSON.stringify(bml)).not.toContain('Hanswijkvaart'); // no addresses: the worker rings the place
  });

  it('holds a place there while both regions agree, and refuses when one does not', async () => {
    const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body;
    const lier = board.neighbours[0].places.find((p: { name: string }) => p.name === 'CAW noodkamer Lier');
    const held = await worker.post('/api/holds', { placeId: lier.id, initials: 'R.T.', household });
    expect(held.status).toBe(201);

    const { settings } = await t.db.db
      .selectFrom('regions')
      .select('settings')
      .where('code', '=', 'boom-mechelen-lier')
      .executeTakeFirstOrThrow();
    await t.db.db
      .updateTable('regions')
      .set({ settings: JSON.stringify({ ...settings, neighbours: [{ region: 'kempen', holdsAllowed: false }] }) })
      .where('code', '=', 'boom-mechelen-lier')
      .execute();
    const after = (await worker.get('/api/board?adults=1&children=0&needs=men')).body;
    expect(after.neighbours[0].holdsAllowed).toBe(false);
    const boom = after.neighbours[0].places.find((p: { name: string }) => p.name === 'Noodwoning Boom');
    const refused = await worker.post('/api/holds', { placeId: boom.id, initials: 'R.T.', household });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/Boom-Mechelen-Lier/);
    expect(await t.db.db.selectFrom('holds').select('id').where('place_id', '=', boom.id).execute()).toEqual([]);
  });
});
