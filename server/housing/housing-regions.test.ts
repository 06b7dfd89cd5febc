// The wooncel per region (issue 15): the pool, the waiting list, proposals, the contingent and the figures are
// the current region's; another region's home, registration or request is 404. Fixture by hand, both regions'
// demo data, Friday 27 November 2026: the Kempen's six demo homes (since 1 January 2026), and two homes that
// Boom-Mechelen-Lier's coordinator adds from 1 November (a 2-bedroom home for families in Mechelen, a
// kamerwoning for men in Lier). Registrations: the Kempen's coordinator registers one family in Turnhout,
// Boom-Mechelen-Lier's two families in Mechelen. Expected by hand:
//   pool: the Kempen 6 homes and 27 municipalities' targets, Boom-Mechelen-Lier 2 and 18;
//   occupancy November: the Kempen 6 homes x 30 days = 180 home-days, Boom-Mechelen-Lier 2 x 30 = 60;
//   waiting list and figures (registrations in 2026): the Kempen 1, Boom-Mechelen-Lier 2;
//   the proposal for the Kempen's family home ranks the Kempen family only; Boom-Mechelen-Lier's for its
//   Mechelen home its two families only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';

let t: TestServer;
const c: Record<string, ApiClient> = {};
const reg: Record<string, string> = {};
const family = (personName: string, municipalityNis: string) => ({
  personName,
  municipalityNis,
  household: { type: 'gezin_met_kinderen', adults: 2, children: 2 },
  ethos: 'with_family_friends',
  origin: 'with_network',
  urgency: 'normal',
  supportNeeds: [],
});

beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    clock: new ManualClock('2026-11-27T10:00:00Z'),
  });
  for (const [key, username] of [
    ['kempen', 'coordinator'],
    ['bml', 'coordinator-bml'],
    ['allocator', 'toewijzer'],
    ['mechelen', 'ocmw-mechelen'],
  ] as const) {
    c[key] = new ApiClient(t.url);
    await c[key].login(username);
  }
  for (const [name, nis, kind, suits] of [
    ['Doorgangswoning Mechelen Test', '12025', '2_bedrooms', ['families']],
    ['Kamerwoning Lier Test', '12021', 'kamerwoning', ['men']],
  ] as const) {
    const made = await c.bml!.post('/api/housing/homes', {
      name,
      municipalityNis: nis,
      kind,
      suits,
      activeFrom: '2026-11-01',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  for (const [key, by, name, nis] of [
    ['k1', 'kempen', 'Gezin Kempen', '13040'],
    ['b1', 'bml', 'Gezin Mechelen Een', '12025'],
    ['b2', 'bml', 'Gezin Mechelen Twee', '12025'],
  ] as const) {
    const made = await c[by]!.post('/api/housing/registrations', family(name, nis));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    reg[key] = made.body.id;
  }
});
afterAll(() => t.close());

const homeId = async (client: ApiClient, name: string) =>
  ((await client.get('/api/housing/homes')).body.homes as { id: string; name: string }[]).find((h) => h.name === name)
    ?.id;

describe('the wooncel per region', () => {
  it("lists each region's pool, targets and occupancy", async () => {
    const k = (await c.kempen!.get('/api/housing/homes')).body;
    const b = (await c.bml!.get('/api/housing/homes')).body;
    expect(k.homes.map((h: { name: string }) => h.name).sort()).toEqual([
      'Doorgangswoning Geel Markt',
      'Doorgangswoning Geel Stelen',
      'Doorgangswoning Mol Rozenberg',
      'Doorgangswoning Turnhout Centrum',
      'Kamerwoning Herentals',
      'Kamerwoning Turnhout Noord',
    ]);
    expect(b.homes.map((h: { name: string }) => h.name).sort()).toEqual([
      'Doorgangswoning Mechelen Test',
      'Kamerwoning Lier Test',
    ]);
    expect([k.targets.length, b.targets.length]).toEqual([27, 18]);
    expect(b.targets.find((m: { nis: string }) => m.nis === '12025')).toMatchObject({ brought: 1 });
    const occ = async (client: ApiClient) =>
      (await client.get('/api/housing/occupancy?from=2026-11&to=2026-11')).body[0].homeDays;
    expect([await occ(c.kempen!), await occ(c.bml!)]).toEqual([180, 60]);
  });

  it("adds a home only in the user's region", async () => {
    const res = await c.kempen!.post('/api/housing/homes', {
      name: 'Niet hier',
      municipalityNis: '12025',
      kind: '1_bedroom',
      suits: ['men'],
      activeFrom: '2026-12-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.municipalityNis']);
  });

  it("keeps each waiting list to its region; another region's registration is 404", async () => {
    const ids = async (client: ApiClient) =>
      ((await client.get('/api/housing/registrations')).body as { id: string }[]).map((r) => r.id).sort();
    expect(await ids(c.kempen!)).toEqual([reg.k1]);
    expect(await ids(c.bml!)).toEqual([reg.b1, reg.b2].sort());
    expect(await ids(c.mechelen!)).toEqual([reg.b1, reg.b2].sort());
    expect((await c.kempen!.get(`/api/housing/registrations/${reg.b1}`)).status).toBe(404);
    expect((await c.bml!.get(`/api/housing/registrations/${reg.b1}`)).status).toBe(200);
    expect((await c.bml!.get(`/api/housing/registrations/${reg.k1}`)).status).toBe(404);
    const outside = await c.kempen!.post('/api/housing/registrations', family('Gezin Elders', '12025'));
    expect(outside.status).toBe(400);
    expect(outside.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.municipalityNis']);
  });

  it("ranks a home's region's households only, and allocates none of another region's", async () => {
    const kHome = (await homeId(c.allocator!, 'Doorgangswoning Turnhout Centrum'))!;
    const bHome = (await homeId(c.bml!, 'Doorgangswoning Mechelen Test'))!;
    const considered = (p: { ranked: { id: string }[]; excluded: { id: string }[] }) =>
      [...p.ranked, ...p.excluded].map((x) => x.id).sort();
    const kp = await c.allocator!.get(`/api/housing/homes/${kHome}/proposal`);
    expect(kp.status).toBe(200);
    expect(considered(kp.body)).toEqual([reg.k1]);
    const bp = await c.bml!.get(`/api/housing/homes/${bHome}/proposal`);
    expect(considered(bp.body)).toEqual([reg.b1, reg.b2].sort());
    // The Kempen's allocator: another region's home does not exist, nor does its household on this home's list.
    expect((await c.allocator!.get(`/api/housing/homes/${bHome}/proposal`)).status).toBe(404);
    const wrong = await c.allocator!.post(`/api/housing/homes/${kHome}/allocate`, { registrationId: reg.b1 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.registrationId']);
  });

  it("counts each region's registrations in the figures; another region's municipality is refused", async () => {
    const n = async (client: ApiClient) =>
      (await client.get('/api/housing/figures?from=2026-01-01&to=2026-12-31')).body.registrations;
    expect([await n(c.kempen!), await n(c.bml!)]).toEqual([1, 2]);
    const other = await c.kempen!.get('/api/housing/figures?from=2026-01-01&to=2026-12-31&municipality=12025');
    expect(other.status).toBe(400);
    expect(other.body.issues.map((i: { path: string }) => i.path)).toEqual(['query.municipality']);
  });

  it("keeps the contingent to the region's municipalities and requests", async () => {
    const made = await c.bml!.post('/api/housing/contingent', {
      municipalityNis: '12025',
      referrer: 'caw',
      householdType: 'moeder_met_kinderen',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const k = (await c.kempen!.get('/api/housing/contingent?year=2026')).body;
    const b = (await c.bml!.get('/api/housing/contingent?year=2026')).body;
    expect([k.municipalities.length, b.municipalities.length]).toEqual([27, 18]);
    expect([k.requests.length, b.requests.length]).toEqual([0, 1]);
    const decided = await c.allocator!.post(`/api/housing/contingent/${made.body.id}/decide`, { status: 'granted' });
    expect(decided.status).toBe(404);
  });

  it('keeps decisions, move-ins and trajectories to the region the allocator looks at', async () => {
    // The demo gives Boom-Mechelen-Lier no allocator: the Kempen's also works there, switching region.
    const allocatorId = (
      await t.db.db.selectFrom('users').select('id').where('username', '=', 'toewijzer').executeTakeFirstOrThrow()
    ).id;
    await t.db.db
      .insertInto('user_regions')
      .values({ user_id: allocatorId, region_code: 'boom-mechelen-lier' })
      .execute();
    const kHome = (await homeId(c.allocator!, 'Doorgangswoning Turnhout Centrum'))!;
    const kAlloc = await c.allocator!.post(`/api/housing/homes/${kHome}/allocate`, { registrationId: reg.k1 });
    expect(kAlloc.status, JSON.stringify(kAlloc.body)).toBe(201);
    expect((await c.allocator!.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const bHome = (await homeId(c.allocator!, 'Doorgangswoning Mechelen Test'))!;
    // Both Mechelen families registered at the same instant: which ranks first is a tie, so a reason is given.
    const bAlloc = await c.allocator!.post(`/api/housing/homes/${bHome}/allocate`, {
      registrationId: reg.b1,
      reason: 'gelijke rang, de eerste van twee gezinnen',
    });
    expect(bAlloc.status, JSON.stringify(bAlloc.body)).toBe(201);
    const pending = async (client: ApiClient) =>
      ((await client.get('/api/housing/allocations')).body as { registrationId: string }[]).map(
        (a) => a.registrationId,
      );
    expect(await pending(c.kempen!)).toEqual([reg.k1]);
    expect(await pending(c.bml!)).toEqual([reg.b1]);
    const allocationOf = async (client: ApiClient) =>
      ((await client.get('/api/housing/allocations')).body as { id: string }[])[0]!.id;
    const bAllocation = await allocationOf(c.bml!);
    const kAllocation = await allocationOf(c.kempen!);
    const body = { moveIn: '2026-11-28', guidance: { by: 'caw', frequency: 'weekly' } };
    // The Kempen's coordinator cannot move Boom-Mechelen-Lier's household in: it does not exist for them.
    expect((await c.kempen!.post(`/api/housing/allocations/${bAllocation}/move-in`, body)).status).toBe(404);
    expect((await c.bml!.post(`/api/housing/allocations/${bAllocation}/move-in`, body)).status).toBe(201);
    expect((await c.kempen!.post(`/api/housing/allocations/${kAllocation}/move-in`, body)).status).toBe(201);
    const trajectories = async (client: ApiClient) =>
      ((await client.get('/api/housing/trajectories')).body as { registrationId: string; id: string }[]).map(
        (x) => x.registrationId,
      );
    expect(await trajectories(c.kempen!)).toEqual([reg.k1]);
    expect(await trajectories(c.bml!)).toEqual([reg.b1]);
    const bTrajectory = ((await c.bml!.get('/api/housing/trajectories')).body as { id: string }[])[0]!.id;
    expect((await c.kempen!.get(`/api/housing/trajectories/${bTrajectory}`)).status).toBe(404);
  });
});
