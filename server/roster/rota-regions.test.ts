// GET /api/rota for a user of several regions (issue 15): it is the rota of the region the session looks at
// (the first region loaded at sign-in, then the one chosen with the region switch), never the first region's
// whatever was chosen. Two sessions of one admin may look at different regions. Expected values by hand: the
// demo rotas start Monday 5 January 2026 and turn weekly at 08:30, so the night of Saturday 24 October 2026 is
// week 41 (counted from 0): the Kempen's primary team of 4 -> 41 mod 4 = 1, an.peeters; Boom-Mechelen-Lier's
// team of 3 -> 41 mod 3 = 2, bart.de.smet (as server/region/two-regions.test.ts). PGlite or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const ids = new Map<string, string>();
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  for (const u of await t.db.db.selectFrom('users').select(['id', 'username']).execute()) ids.set(u.username, u.id);
});
afterAll(() => t.close());

async function signIn(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}
const rotationsOf = async (region: string) =>
  (await t.db.db.selectFrom('rota_rotations').select('id').where('region_code', '=', region).execute())
    .map((r) => r.id)
    .sort();
// The night of 24 to 25 October 2026, 03:30 in Brussels (01:30 UTC, after the clocks went back).
const NIGHT = '/api/rota?from=2026-10-25T01:00:00.000Z&to=2026-10-25T02:00:00.000Z';

interface Rota {
  segments: { primary: string | null }[];
  rotations: { id: string }[];
  staff: { id: string }[];
}
async function rota(c: ApiClient): Promise<Rota> {
  const res = await c.get(NIGHT);
  expect(res.status).toBe(200);
  return res.body;
}
const seen = (r: Rota) => ({
  primary: [...new Set(r.segments.map((s) => s.primary))],
  rotations: r.rotations.map((x) => x.id).sort(),
  staff: r.staff.map((s) => s.id),
});

describe('GET /api/rota across regions', () => {
  it("an admin gets the current region's rota: the first region at sign-in, the chosen one after the switch", async () => {
    const kempenRotations = await rotationsOf('kempen');
    const bmlRotations = await rotationsOf('boom-mechelen-lier');
    expect(kempenRotations.length).toBeGreaterThan(0);
    expect(bmlRotations.length).toBeGreaterThan(0);

    const admin = await signIn('admin');
    const inKempen = seen(await rota(admin));
    expect(inKempen.primary).toEqual([ids.get('an.peeters')]);
    expect(inKempen.rotations).toEqual(kempenRotations);
    expect(inKempen.staff).toContain(ids.get('an.peeters'));
    expect(inKempen.staff).not.toContain(ids.get('bart.de.smet'));

    expect((await admin.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const inBml = seen(await rota(admin));
    expect(inBml.primary).toEqual([ids.get('bart.de.smet')]);
    expect(inBml.rotations).toEqual(bmlRotations);
    expect(inBml.staff).toContain(ids.get('bart.de.smet'));
    expect(inBml.staff).not.toContain(ids.get('an.peeters'));

    // The choice is the session's: another session of the same admin still looks at the Kempen.
    expect(seen(await rota(await signIn('admin'))).rotations).toEqual(kempenRotations);
    // And back.
    expect((await admin.request('PUT', '/api/auth/region', { region: 'kempen' })).status).toBe(200);
    expect(seen(await rota(admin)).primary).toEqual([ids.get('an.peeters')]);
  });

  it('a duty worker of both regions gets the same: the first region, then the chosen one; each only its own', async () => {
    // Jan Janssens works in the Kempen; here he also works in Boom-Mechelen-Lier.
    await t.db.db
      .insertInto('user_regions')
      .values({ user_id: ids.get('jan.janssens')!, region_code: 'boom-mechelen-lier' })
      .execute();
    const jan = await signIn('jan.janssens');
    expect((await jan.get('/api/auth/me')).body.user.regions).toEqual(['kempen', 'boom-mechelen-lier']);
    expect(seen(await rota(jan)).rotations).toEqual(await rotationsOf('kempen'));
    expect((await jan.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const inBml = seen(await rota(jan));
    expect(inBml.rotations).toEqual(await rotationsOf('boom-mechelen-lier'));
    expect(inBml.primary).toEqual([ids.get('bart.de.smet')]);
    expect(inBml.staff).toContain(ids.get('jan.janssens')); // he is BML's staff now too

    // A worker of one region has that region's rota, and cannot switch to the other.
    const bml = await signIn('permanentie-bml');
    expect(seen(await rota(bml)).rotations).toEqual(await rotationsOf('boom-mechelen-lier'));
    expect((await bml.request('PUT', '/api/auth/region', { region: 'kempen' })).status).toBe(403);
  });
});
