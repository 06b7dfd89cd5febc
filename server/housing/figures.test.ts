// The wooncel table reproduced from data: the fixture holds a history behind the Kempen's published
// figures, and the expected values below are copied from the slides (or derived from their totals,
// as fixture.ts says), never from the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/rules/csv';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { seedWooncelFixture, WOONCEL_PERIOD } from './fixture';

let t: TestServer;
const c = {} as Record<'coordinator' | 'geel' | 'allocator' | 'worker', ApiClient>;
const q = `from=${WOONCEL_PERIOD.from}&to=${WOONCEL_PERIOD.to}`;
beforeAll(async () => {
  t = await startTestServer();
  const user = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  await seedWooncelFixture(t.db.db, user.id);
  for (const [k, u] of [
    ['coordinator', 'coordinator'],
    ['geel', 'ocmw-geel'],
    ['allocator', 'toewijzer'],
    ['worker', 'permanentie'],
  ] as const) {
    c[k] = new ApiClient(t.url);
    await c[k].login(u);
  }
});
afterAll(() => t.close());

describe('the Kempen wooncel figures (26 April 2019)', () => {
  it('registrations, households and persons housed', async () => {
    const f = (await c.coordinator.get(`/api/housing/figures?${q}`)).body;
    expect(f.registrations).toBe(69);
    expect(f.housed).toEqual({ households: 23, persons: 60, adults: 30, children: 30 });
  });

  it('household types and home types', async () => {
    const f = (await c.allocator.get(`/api/housing/figures?${q}`)).body;
    const types = Object.fromEntries(f.householdTypes.map((r: any) => [r.type, r.count]));
    expect(types).toEqual({
      alleenstaande_man: 7,
      alleenstaande_vrouw: 2,
      zwanger_koppel: 1,
      moeder_met_kinderen: 6,
      vader_met_kinderen: 2,
      gezin_met_kinderen: 5,
    });
    const kinds = Object.fromEntries(f.homeKinds.map((r: any) => [r.kind, r.count]));
    expect(kinds.kamerwoning).toBe(5);
    expect(kinds['1_bedroom']).toBe(2);
  });

  it('where they came from: homeless 14, unstable housing 8, inadequate housing 1', async () => {
    const f = (await c.coordinator.get(`/api/housing/figures?${q}`)).body;
    const flat = Object.fromEntries(
      f.origins.flatMap((g: any) => [[g.group, g.count], ...g.origins.map((o: any) => [o.origin, o.count])]),
    );
    expect(flat).toEqual({
      homeless: 14,
      hotel: 2,
      crisis_centre: 4,
      womens_shelter: 1,
      left_loi: 3,
      ocmw_emergency_home: 4,
      unstable: 8,
      left_home_conflict: 1,
      with_network: 7,
      inadequate: 1,
      inadequate_housing: 1,
    });
  });

  it('9 finished trajectories of 2 to 10 months, 4.3 on average; outflow and destinations', async () => {
    const f = (await c.coordinator.get(`/api/housing/figures?${q}`)).body;
    expect(f.finished).toEqual({ trajectories: 9, minMonths: 2, avgMonths: 4.3, maxMonths: 10 });
    expect(Object.fromEntries(f.outflow.map((r: any) => [r.kind, r.count]))).toEqual({
      private_rental: 4,
      shm: 1,
      svk: 2,
      broken_off: 2,
    });
    expect(f.destinations).toEqual([
      { destination: 'outside_region', name: null, count: 4 },
      { destination: 'unknown', name: null, count: 2 },
      { destination: '13008', name: 'Geel', count: 1 },
      { destination: '13031', name: 'Oud-Turnhout', count: 1 },
      { destination: '13040', name: 'Turnhout', count: 1 },
    ]);
  });

  it('as CSV for Belgian Excel, in Dutch and English', async () => {
    const res = await c.coordinator.get(`/api/housing/figures/csv?${q}&table=summary`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(String(res.body).replace(/^\uFEFF/, ''));
    expect(rows).toContainEqual(['verblijfsduur gemiddeld (maanden)', '4,3']);
    expect(rows).toContainEqual(['opgevangen personen', '60']);
    const en = parseCsv(
      String((await c.coordinator.get(`/api/housing/figures/csv?${q}&table=origins&lang=en`)).body).replace(
        /^\uFEFF/,
        '',
      ),
    );
    expect(en[0]).toEqual(['group', 'origin', 'count']);
    expect(en).toContainEqual(['homeless', '', '14']);
  });

  it('OCMW staff see their own share; another municipality is 403; bad input is named', async () => {
    // The fixture registers every third household in Geel (indexes 1, 4, ..., 67): 23 of 69.
    expect((await c.geel.get(`/api/housing/figures?${q}`)).body.registrations).toBe(23);
    expect((await c.geel.get(`/api/housing/figures?${q}&municipality=13040`)).status).toBe(403);
    expect((await c.worker.get(`/api/housing/figures?${q}`)).status).toBe(403);
    const bad = await c.coordinator.get('/api/housing/figures?from=2019-04-26&to=2018-04-01');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('query.to');
    const table = await c.coordinator.get(`/api/housing/figures/csv?${q}&table=names`);
    expect(table.status).toBe(400);
    expect(table.body.issues[0].path).toBe('query.table');
  });

  it('no names leave through the figures', async () => {
    const text = JSON.stringify((await c.coordinator.get(`/api/housing/figures?${q}`)).body);
    expect(text).not.toContain('Wooncel ');
  });
});
