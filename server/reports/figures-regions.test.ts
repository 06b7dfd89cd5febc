// Figures per region (issue 15): two regions in one instance, a hand-built November 2026 with intakes,
// placements, guarantees and handoffs in both, and each region's coordinator sees only its own; OCMW staff see
// their municipality's from either region. Every expected number is worked out by hand in the comments.
//
// Kempen desk (intakes.region_code = kempen):
//   K1 10 Nov 21:00 CET, Turnhout (13040), alleenstaande_man 1+0, public_space, police; call 20:50, placed 21:30
//      in Noodwoning Turnhout (ocmw_noodwoning): 40 min from call to placement; guarantee 13040 2 nights
//      (10, 11 Nov) at 20.00 = 40.00; handoff acknowledged on time.
//   K2 12 Nov 22:00, Mechelen (12025), alleenstaande_man 1+0, non_conventional, police; no call; placed 22:20 in
//      a neighbour's place, CAW noodkamer Mechelen 1 (caw_noodkamer): guarantee 12025 1 night (12 Nov) at 50.00;
//      handoff never acknowledged, long late. It counts with the Kempen: its desk recorded it.
//   K3 20 Nov 21:00, Geel (13008), moeder_met_kinderen 1+2, with_family_friends, social_service; no place.
// Boom-Mechelen-Lier desk:
//   B1 11 Nov 21:00, Mechelen (12025), gezin_met_kinderen 2+3, public_space, hospital; call 20:30, placed 22:00 in
//      Hotel Dijlezicht (hotel): 90 min; guarantee 12025 3 nights (11-13 Nov) at 80.00 = 240.00; on time.
//   B2 25 Nov 23:00, Lier (12021), alleenstaande_vrouw 1+0, emergency_shelter, self; no place.
// Capacity (server/seed/data/demo-places*.json): caw_noodkamer Kempen 1+1+4 = 6, BML 1+1+4+1 = 7; hotel Kempen
// 2+2+3+1+1 = 9, BML 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/rules/csv';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { callRow, guaranteeRow, handoffRow, holdRow, intakeRow } from './history/rows';

const NOW = '2026-12-05T12:00:00Z';
const NOV = 'from=2026-11-01&to=2026-11-30';
const KEMPEN = 'kempen';
const BML = 'boom-mechelen-lier';

let t: TestServer;
const as: Record<string, ApiClient> = {};
const figures: Record<string, any> = {};

async function insertNovember() {
  const db = t.db.db;
  const by = (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  const places = new Map((await db.selectFrom('places').select(['id', 'name']).execute()).map((p) => [p.name, p.id]));
  const place = (name: string) => places.get(name)!;
  const calls = {
    k1: callRow({ startedAt: '2026-11-10T19:50:00Z', outcome: 'answered', region: KEMPEN }),
    b1: callRow({ startedAt: '2026-11-11T19:30:00Z', outcome: 'answered', region: BML }),
  };
  await db.insertInto('calls').values(Object.values(calls)).execute();
  const hold = (name: string, night: string, createdAt: string, placedAt: string) =>
    holdRow({ placeId: place(name), night, createdBy: by, createdAt, status: 'placed', placedAt });
  const holds = {
    k1: hold('Noodwoning Turnhout', '2026-11-10', '2026-11-10T20:10:00Z', '2026-11-10T20:30:00Z'),
    k2: hold('CAW noodkamer Mechelen 1', '2026-11-12', '2026-11-12T21:05:00Z', '2026-11-12T21:20:00Z'),
    b1: hold('Hotel Dijlezicht (partner)', '2026-11-11', '2026-11-11T20:10:00Z', '2026-11-11T21:00:00Z'),
  };
  await db.insertInto('holds').values(Object.values(holds)).execute();
  const intakes = {
    k1: intakeRow({
      region: KEMPEN,
      createdAt: '2026-11-10T20:00:00Z',
      createdBy: by,
      competentNis: '13040',
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      referrerKind: 'police',
      callId: calls.k1.id,
      holdId: holds.k1.id,
    }),
    k2: intakeRow({
      region: KEMPEN,
      createdAt: '2026-11-12T21:00:00Z',
      createdBy: by,
      competentNis: '12025',
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'non_conventional',
      referrerKind: 'police',
      holdId: holds.k2.id,
    }),
    k3: intakeRow({
      region: KEMPEN,
      createdAt: '2026-11-20T20:00:00Z',
      createdBy: by,
      competentNis: '13008',
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
      ethos: 'with_family_friends',
      referrerKind: 'social_service',
    }),
    b1: intakeRow({
      region: BML,
      createdAt: '2026-11-11T20:00:00Z',
      createdBy: by,
      competentNis: '12025',
      household: { type: 'gezin_met_kinderen', adults: 2, children: 3 },
      ethos: 'public_space',
      referrerKind: 'hospital',
      callId: calls.b1.id,
      holdId: holds.b1.id,
    }),
    b2: intakeRow({
      region: BML,
      createdAt: '2026-11-25T22:00:00Z',
      createdBy: by,
      competentNis: '12021',
      household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
      ethos: 'emergency_shelter',
      referrerKind: 'self',
    }),
  };
  await db.insertInto('intakes').values(Object.values(intakes)).execute();
  const g = (i: keyof typeof holds, ocmwNis: string, firstNight: string, nights: number, cents: number) =>
    guaranteeRow({
      intakeId: intakes[i].id,
      holdId: holds[i].id,
      placeId: holds[i].place_id,
      ocmwNis,
      firstNight,
      nights,
      costPerNightCents: cents,
      createdBy: by,
      createdAt: holds[i].placed_at!,
    });
  await db
    .insertInto('guarantees')
    .values([
      g('k1', '13040', '2026-11-10', 2, 2000),
      g('k2', '12025', '2026-11-12', 1, 5000),
      g('b1', '12025', '2026-11-11', 3, 8000),
    ])
    .execute();
  await db
    .insertInto('handoffs')
    .values([
      handoffRow({
        intakeId: intakes.k1.id,
        ocmwNis: '13040',
        createdAt: '2026-11-10T20:35:00Z',
        dueAt: '2026-11-11T07:00:00Z',
        acknowledgedAt: '2026-11-11T08:00:00Z',
      }),
      handoffRow({
        intakeId: intakes.k2.id,
        ocmwNis: '12025',
        createdAt: '2026-11-12T21:25:00Z',
        dueAt: '2026-11-13T07:00:00Z',
      }),
      handoffRow({
        intakeId: intakes.b1.id,
        ocmwNis: '12025',
        createdAt: '2026-11-11T21:05:00Z',
        dueAt: '2026-11-12T07:00:00Z',
        acknowledgedAt: '2026-11-12T09:00:00Z',
      }),
    ])
    .execute();
}

beforeAll(async () => {
  t = await startTestServer({ seed: 'demo', regions: [KEMPEN, BML], clock: new ManualClock(NOW) });
  await insertNovember();
  for (const u of ['coordinator', 'coordinator-bml', 'ocmw-mechelen', 'permanentie-bml']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
    const res = await as[u].get(`/api/figures?${NOV}`);
    if (u !== 'permanentie-bml') {
      expect(res.status, u).toBe(200);
      figures[u] = res.body;
    }
  }
});
afterAll(() => t.close());

const byType = (f: any, type: string) => f.placements.byType.find((r: { type: string }) => r.type === type);
const municipality = (f: any, nis: string) => f.byMunicipality.find((r: { nis: string }) => r.nis === nis);
const sum = (f: any, k: 'intakes' | 'placements' | 'nights') =>
  f.timeline.rows.reduce((a: number, r: Record<string, number>) => a + r[k]!, 0);

describe('figures per region', () => {
  it('counts intakes, households and ethos of its own desk only', () => {
    const k = figures.coordinator.intakes;
    expect([k.total, k.adults, k.children]).toEqual([3, 3, 2]);
    expect(k.byHousehold.find((r: { type: string }) => r.type === 'alleenstaande_man').intakes).toBe(2);
    expect(k.byHousehold.find((r: { type: string }) => r.type === 'gezin_met_kinderen').intakes).toBe(0);
    expect(k.byEthos.find((r: { ethos: string }) => r.ethos === 'public_space').intakes).toBe(1);
    const b = figures['coordinator-bml'].intakes;
    expect([b.total, b.adults, b.children]).toEqual([2, 3, 3]);
    expect(b.byHousehold.find((r: { type: string }) => r.type === 'alleenstaande_man').intakes).toBe(0);
    expect(b.byEthos.find((r: { ethos: string }) => r.ethos === 'public_space').intakes).toBe(1);
    expect(b.byReferrer.find((r: { kind: string }) => r.kind === 'hospital').intakes).toBe(1);
    // Calls were already per region: one each.
    expect(figures.coordinator.calls.outcomes.total).toBe(1);
    expect(figures['coordinator-bml'].calls.outcomes.total).toBe(1);
  });

  it('measures call to placement over its own intakes', () => {
    expect(figures.coordinator.intakes.callToPlacement).toMatchObject({ count: 1, medianMin: 40 });
    expect(figures['coordinator-bml'].intakes.callToPlacement).toMatchObject({ count: 1, medianMin: 90 });
  });

  it("counts placements and nights of its intakes, over the capacity of that region's own places", () => {
    const k = figures.coordinator;
    // K2 in a Mechelen room counts with the Kempen, over the Kempen's 6 CAW rooms: 1 / (6 x 30).
    expect(byType(k, 'caw_noodkamer')).toMatchObject({
      placements: 1,
      nightsUsed: 1,
      costCents: 5000,
      capacity: 6,
      capacityNights: 180,
      occupancy: 0.0056,
    });
    expect(byType(k, 'ocmw_noodwoning')).toMatchObject({ placements: 1, nightsUsed: 2, costCents: 4000 });
    expect(byType(k, 'hotel')).toMatchObject({ placements: 0, nightsUsed: 0, capacity: 9, capacityNights: 270 });
    expect(k.placements.total).toMatchObject({ placements: 2, nightsUsed: 3, costCents: 9000 });
    const b = figures['coordinator-bml'];
    expect(byType(b, 'caw_noodkamer')).toMatchObject({ placements: 0, nightsUsed: 0, capacity: 7 });
    // 3 nights over 3 hotel rooms x 30 nights.
    expect(byType(b, 'hotel')).toMatchObject({
      placements: 1,
      nightsUsed: 3,
      costCents: 24000,
      capacity: 3,
      capacityNights: 90,
      occupancy: 0.0333,
    });
    expect(b.placements.total).toMatchObject({ placements: 1, nightsUsed: 3, costCents: 24000 });
  });

  it('counts handoffs on time of its own intakes', () => {
    expect(figures.coordinator.handoffs).toMatchObject({ total: 2, onTime: 1, late: 1, pending: 0 });
    expect(figures['coordinator-bml'].handoffs).toMatchObject({ total: 1, onTime: 1, late: 0, pending: 0 });
  });

  it('per municipality: its own municipalities, and another only where one of its intakes went', () => {
    const k = figures.coordinator;
    expect(municipality(k, '13040')).toMatchObject({ intakes: 1, placements: 1, nights: 2, costCents: 4000 });
    expect(municipality(k, '13008')).toMatchObject({ intakes: 1, children: 2, placements: 0 });
    expect(municipality(k, '12025')).toMatchObject({
      intakes: 1,
      placements: 1,
      nights: 1,
      costCents: 5000,
      handoffs: 1,
      handoffsLate: 1,
    });
    expect(municipality(k, '12021')).toBeUndefined(); // Lier: Boom-Mechelen-Lier's, no Kempen intake
    expect(municipality(k, '13001')).toMatchObject({ intakes: 0 }); // Arendonk: the Kempen's, listed with zeros
    const b = figures['coordinator-bml'];
    expect(municipality(b, '12025')).toMatchObject({
      intakes: 1,
      children: 3,
      placements: 1,
      nights: 3,
      costCents: 24000,
      handoffs: 1,
      handoffsOnTime: 1,
    });
    expect(municipality(b, '12021')).toMatchObject({ intakes: 1 });
    expect(municipality(b, '13040')).toBeUndefined();
  });

  it('the timeline counts its own intakes, placements and nights', () => {
    const k = figures.coordinator;
    expect([sum(k, 'intakes'), sum(k, 'placements'), sum(k, 'nights')]).toEqual([3, 2, 3]);
    expect(k.timeline.rows.find((r: { key: string }) => r.key === '2026-11-11')).toMatchObject({
      intakes: 0,
      placements: 0,
      nights: 1, // K1's second night
    });
    const b = figures['coordinator-bml'];
    expect([sum(b, 'intakes'), sum(b, 'placements'), sum(b, 'nights')]).toEqual([2, 1, 3]);
    expect(b.timeline.rows.find((r: { key: string }) => r.key === '2026-11-11')).toMatchObject({
      intakes: 1,
      placements: 1,
      nights: 1,
      calls: 1,
    });
    expect(figures.coordinator.referrerLoop.intakes).toBe(3);
    expect(figures['coordinator-bml'].referrerLoop.intakes).toBe(2);
  });

  it('OCMW staff keep their municipality, whichever desk recorded the intake', () => {
    const o = figures['ocmw-mechelen'];
    expect(o.municipalities).toEqual(['12025']);
    // K2 (Kempen desk) and B1 (Boom-Mechelen-Lier desk): 2 intakes, 1 + 3 nights, 50.00 + 240.00.
    expect(o.intakes.total).toBe(2);
    expect(o.placements.total).toMatchObject({ placements: 2, nightsUsed: 4, costCents: 29000 });
    expect(o.handoffs).toMatchObject({ total: 2, onTime: 1, late: 1 });
  });

  it("the cost statement holds the guarantees of the region's own intakes, in JSON and CSV", async () => {
    const k = (await as.coordinator!.get('/api/figures/costs?month=2026-11')).body;
    expect(k.total).toEqual({ guarantees: 2, nights: 3, totalCents: 9000 });
    expect(k.ocmws.map((o: { nis: string; totalCents: number }) => [o.nis, o.totalCents])).toEqual([
      ['12025', 5000],
      ['13040', 4000],
    ]);
    const b = (await as['coordinator-bml']!.get('/api/figures/costs?month=2026-11')).body;
    expect(b.total).toEqual({ guarantees: 1, nights: 3, totalCents: 24000 });
    expect(b.ocmws[0].places.map((p: { place: string }) => p.place)).toEqual(['Hotel Dijlezicht (partner)']);
    const o = (await as['ocmw-mechelen']!.get('/api/figures/costs?month=2026-11')).body;
    expect(o.total).toEqual({ guarantees: 2, nights: 4, totalCents: 29000 });

    const csv = await as.coordinator!.get('/api/figures/costs/csv?month=2026-11&table=lines&lang=en');
    expect(csv.status).toBe(200);
    const [, ...rows] = parseCsv(csv.body);
    expect(rows.map((r) => [r[0], r[4], r[5], r[7]])).toEqual([
      ['12025', 'CAW noodkamer Mechelen 1', '1', '50'],
      ['13040', 'Noodwoning Turnhout', '2', '40'],
    ]);
    const bmlCsv = parseCsv((await as['coordinator-bml']!.get('/api/figures/costs/csv?month=2026-11&lang=en')).body);
    expect(bmlCsv.slice(1).map((r) => [r[0], r[2], r[7]])).toEqual([['12025', 'Hotel Dijlezicht (partner)', '240']]);
  });

  it("a new intake belongs to the worker's current region", async () => {
    const res = await as['permanentie-bml']!.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Mechelen-Willebroek' },
      person: { name: 'Test Persoon', birthDate: '1990-03-04' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts: { requestNis: '12025', housing: 'homeless', stayNis: '12025' },
    });
    expect(res.status).toBe(201);
    const row = await t.db.db
      .selectFrom('intakes')
      .select('region_code')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.region_code).toBe(BML);
  });
});
