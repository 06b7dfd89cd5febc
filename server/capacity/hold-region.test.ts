// A hold records the region whose desk made it (migration 027): an account of both regions working in
// Boom-Mechelen-Lier that holds the Kempen's place holds it for Boom-Mechelen-Lier, and a worker given a second
// region later does not take their holds along. Real server, two regions, PGlite or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { boardCache } from './board-cache';

let t: TestServer;
let kempen: ApiClient;
let bml: ApiClient;
let admin: ApiClient;
let bmlLead: ApiClient;
const household = { adults: 1, children: 0, needs: [] };

beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  kempen = new ApiClient(t.url);
  await kempen.login('permanentie');
  bml = new ApiClient(t.url);
  await bml.login('permanentie-bml');
  admin = new ApiClient(t.url);
  await admin.login('admin');
  bmlLead = new ApiClient(t.url);
  await bmlLead.login('coordinator-bml');
});
afterAll(() => t.close());

interface BoardBody {
  region: string;
  places: { id: string; name: string; type: string; free: number }[];
  heldAtNeighbours: { place: { id: string }; hold: { id: string } }[];
}
const board = async (c: ApiClient) => {
  await boardCache(t.app.services).settled();
  const r = await c.get('/api/board');
  expect(r.status).toBe(200);
  return r.body as BoardBody;
};
const abroad = async (c: ApiClient) => (await board(c)).heldAtNeighbours.map((h) => h.hold.id);

/** The `k`th free place on the Kempen's board that is not a hotel (a hotel's rooms wait for its count). */
const kempenPlace = async (k: number) =>
  (await board(kempen)).places.filter((p) => p.free > 0 && p.type !== 'hotel')[k]!.id;

describe("a hold's region", () => {
  it('an admin of both regions working in Boom-Mechelen-Lier holds a Kempen place for Boom-Mechelen-Lier', async () => {
    expect((await admin.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const placeId = await kempenPlace(0);
    const res = await admin.post('/api/holds', { placeId, initials: 'A.D', household });
    expect(res.status).toBe(201);
    const holdId = res.body.id as string;
    expect(await abroad(bml)).toContain(holdId);
    expect(await abroad(kempen)).not.toContain(holdId);
    const stored = await t.db.db.selectFrom('holds').select('region_code').where('id', '=', holdId).executeTakeFirst();
    expect(stored).toEqual({ region_code: 'boom-mechelen-lier' });
    // Boom-Mechelen-Lier's worker may release it: it is their desk's hold.
    expect((await bml.post(`/api/holds/${holdId}/release`)).status).toBe(200);
  });

  it("a worker given the Kempen as a second region later keeps their desk's hold there as Boom-Mechelen-Lier's", async () => {
    const placeId = await kempenPlace(1);
    const res = await bml.post('/api/holds', { placeId, initials: 'B.W', household });
    expect(res.status).toBe(201);
    const holdId = res.body.id as string;
    expect(await abroad(bml)).toContain(holdId);
    const worker = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'permanentie-bml')
      .executeTakeFirstOrThrow();
    await t.db.db.insertInto('user_regions').values({ user_id: worker.id, region_code: 'kempen' }).execute();
    // Boom-Mechelen-Lier's board (its coordinator's: the worker's own session may now be in either region) still
    // lists it, and a change to the place still reaches it.
    expect((await kempen.post(`/api/holds/${holdId}/extend`, { minutes: 30, reason: 'onderweg' })).status).toBe(200);
    expect(await abroad(bmlLead)).toContain(holdId);
    expect(await abroad(kempen)).not.toContain(holdId);
  });
});
