// The places admin per region (issue 15): a place is added and changed in the user's current region only. A
// municipality outside it is 400 naming body.municipalityNis; another region's place is 404 (also for a hotel's
// count), and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  for (const u of ['coordinator', 'coordinator-bml', 'admin', 'permanentie']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

// Mechelen (12025) lies in Boom-Mechelen-Lier, Geel (13008) in the Kempen, Antwerp (11002) in neither.
const place = (municipalityNis: string, name = 'Noodkamer Test') => ({
  name,
  provider: 'CAW Test',
  municipalityNis,
  type: 'hotel',
  suits: ['men'],
  roomType: 'kamer',
  capacity: 2,
  costPerNightCents: 5000,
  phone: '015 20 00 00',
});
const placesNamed = (name: string) =>
  t.db.db
    .selectFrom('places')
    .select(['id', 'name', 'region_code', 'municipality_nis'])
    .where('name', '=', name)
    .execute();

describe('places per region', () => {
  it("adding a place outside the user's region is 400 naming body.municipalityNis; nothing is written", async () => {
    const res = await as.coordinator!.post('/api/places', place('12025', 'Buiten de Kempen'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/body\.municipalityNis/);
    expect(res.body.error).toMatch(/Mechelen \(12025\)/);
    expect(await placesNamed('Buiten de Kempen')).toEqual([]);
    // A municipality in no region at all stays refused the same way.
    const antwerp = await as.coordinator!.post('/api/places', place('11002', 'Buiten elke regio'));
    expect(antwerp.status).toBe(400);
    expect(antwerp.body.error).toMatch(/body\.municipalityNis/);
    expect(await placesNamed('Buiten elke regio')).toEqual([]);
  });

  it("a place in the user's region is added to that region", async () => {
    const res = await as['coordinator-bml']!.post('/api/places', place('12025', 'Hotel Mechelen Test'));
    expect(res.status).toBe(201);
    expect(await placesNamed('Hotel Mechelen Test')).toEqual([
      { id: res.body.id, name: 'Hotel Mechelen Test', region_code: 'boom-mechelen-lier', municipality_nis: '12025' },
    ]);
  });

  it("another region's place is 404 for a change, whatever the body; nothing changes", async () => {
    const created = await as['coordinator-bml']!.post('/api/places', place('12025', 'Hotel Rivierenland Test'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const nis of ['12025', '13008']) {
      const res = await as.coordinator!.request('PUT', `/api/places/${id}`, place(nis, 'Gekaapt'));
      expect(res.status).toBe(404);
    }
    expect(await placesNamed('Gekaapt')).toEqual([]);
    expect(await placesNamed('Hotel Rivierenland Test')).toHaveLength(1);
  });

  it('a place cannot move out of its region: 400 naming body.municipalityNis; within it, it can', async () => {
    const created = await as['coordinator-bml']!.post('/api/places', place('12025', 'Noodkamer Lier Test'));
    const id = created.body.id as string;
    const moved = await as['coordinator-bml']!.request(
      'PUT',
      `/api/places/${id}`,
      place('13008', 'Noodkamer Lier Test'),
    );
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatch(/body\.municipalityNis/);
    // Lier (12021) lies in Boom-Mechelen-Lier too.
    const renamed = await as['coordinator-bml']!.request('PUT', `/api/places/${id}`, place('12021', 'Noodkamer Lier'));
    expect(renamed.status).toBe(200);
    expect(await placesNamed('Noodkamer Lier')).toEqual([
      { id, name: 'Noodkamer Lier', region_code: 'boom-mechelen-lier', municipality_nis: '12021' },
    ]);
  });

  it('an admin of both regions works in the region they switched to', async () => {
    const admin = as.admin!;
    expect((await admin.post('/api/places', place('12025', 'Hotel Admin Test'))).status).toBe(400); // in the Kempen
    expect((await admin.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const res = await admin.post('/api/places', place('12025', 'Hotel Admin Test'));
    expect(res.status).toBe(201);
    expect((await placesNamed('Hotel Admin Test'))[0]?.region_code).toBe('boom-mechelen-lier');
    expect((await admin.post('/api/places', place('13008', 'Hotel Admin Geel'))).status).toBe(400);
    expect(await placesNamed('Hotel Admin Geel')).toEqual([]);
  });

  it("another region's hotel is 404 for tonight's count; nothing is recorded", async () => {
    const created = await as['coordinator-bml']!.post('/api/places', place('12025', 'Hotel Telling Test'));
    const id = created.body.id as string;
    const count = { rooms: 3, confirmedBy: 'receptie', method: 'phone' };
    const res = await as.permanentie!.post(`/api/places/${id}/count`, count);
    expect(res.status).toBe(404);
    const counts = () => t.db.db.selectFrom('hotel_counts').select('rooms').where('place_id', '=', id).execute();
    expect(await counts()).toEqual([]);
    // The hotel's own region records it.
    expect((await as['coordinator-bml']!.post(`/api/places/${id}/count`, count)).status).toBe(201);
    expect(await counts()).toEqual([{ rooms: 3 }]);
  });
});

describe("asking the partner hotels for tonight's rooms", () => {
  it("texts the asking worker's region's hotels only; the other region asks its own", async () => {
    const hotelPhones = async (who: string) =>
      ((await as[who]!.get('/api/board?types=hotel')).body.places as { phone: string | null }[])
        .map((h) => h.phone)
        .filter((p): p is string => p !== null);
    const texted = async () =>
      (await t.db.db.selectFrom('outbox').select('to_number').where('kind', '=', 'hotel').execute()).map(
        (r) => r.to_number,
      );
    const kempen = await hotelPhones('permanentie');
    const bml = await hotelPhones('coordinator-bml');
    expect(kempen.length).toBeGreaterThan(0);
    expect(bml.length).toBeGreaterThan(0);
    // Each hotel is texted once a night (the outbox's dedupe key), so the numbers texted grow by a set.
    const before = new Set(await texted());
    expect((await as.permanentie!.post('/api/hotels/ask')).body.asked).toBe(kempen.length);
    const afterKempen = new Set(await texted());
    expect([...afterKempen].filter((n) => !before.has(n)).sort()).toEqual([...kempen].sort());
    expect((await as['coordinator-bml']!.post('/api/hotels/ask')).body.asked).toBe(bml.length);
    expect((await texted()).filter((n) => !afterKempen.has(n)).sort()).toEqual([...bml].sort());
  });
});
