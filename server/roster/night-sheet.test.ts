// The night sheet's data through the real HTTP API on the demo seed. Expected holders from the demo
// rota's turn order (primary: permanentie, an.peeters, jan.janssens, lotte.vermeulen; backup:
// pieter.mertens, griet.willems, tom.van.gorp; weekly from Monday 5 January 2026 08:30).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // The demo refuge has no address; give it one to see who may read it.
  await t.db.db
    .updateTable('places')
    .set({ address: 'Geheimstraat 1, 2300 Turnhout' })
    .where('name', '=', 'Vluchthuis Kempen')
    .execute();
});
afterAll(() => t.close());
const setNow = (iso: string) => (t.clock as ManualClock).set(iso);
/** Signed in at the clock's time (a session lasts 16 hours of that clock). */
async function as(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}

it('out of hours: who is on duty now, every place with something free, the 27 OCMWs with their numbers', async () => {
  setNow('2026-10-25T01:30:00Z'); // Sunday 02:30 local: week 41 since 5 January (41 mod 4 = 1, 41 mod 3 = 2)
  const res = await (await as('permanentie')).get('/api/night-sheet');
  expect(res.status).toBe(200);
  const s = res.body;
  expect(s.night).toBe('2026-10-24');
  expect(s.region).toBe('Kempen');
  expect(s.dutyAt).toBe('2026-10-25T01:30:00.000Z');
  expect(s.duty.primary).toMatchObject({ name: 'An Peeters', phone: '+32471204518' });
  expect(s.duty.backup).toMatchObject({ name: 'Tom Van Gorp', phone: '+32495902371' });
  expect(s.duty.coordinator).toMatchObject({ name: 'Koen Coördinator', phone: '+32478223344' });
  // 43 demo places; the 5 hotels have no count tonight, so nothing free: 38 on the sheet.
  expect(s.places).toHaveLength(38);
  expect(s.places.every((p: { free: number }) => p.free > 0)).toBe(true);
  expect(s.places.find((p: { name: string }) => p.name === 'Noodwoning Turnhout')).toMatchObject({ free: 4, units: 4 });
  expect(s.places.some((p: { type: string }) => p.type === 'hotel')).toBe(false);
  // A refuge's address only for the roles that may see it.
  expect(s.places.find((p: { name: string }) => p.name === 'Vluchthuis Kempen')).toMatchObject({
    address: null,
    confidentialAddress: true,
  });
  const lead = (await (await as('coordinator')).get('/api/night-sheet')).body;
  expect(lead.places.find((p: { name: string }) => p.name === 'Vluchthuis Kempen').address).toBe(
    'Geheimstraat 1, 2300 Turnhout',
  );
  expect(s.ocmws).toHaveLength(27);
  expect(s.ocmws.find((o: { municipality: string }) => o.municipality === 'Turnhout')).toMatchObject({
    name: 'Sociaal Huis Turnhout',
    mobile: '+32476400040',
  });
  expect(s.ocmws.map((o: { municipality: string }) => o.municipality)).toEqual(
    [...s.ocmws.map((o: { municipality: string }) => o.municipality)].sort((a: string, b: string) =>
      a.localeCompare(b, 'nl'),
    ),
  );
});

it('in office hours: who will be on duty tonight at 22:00, not who was last night', async () => {
  setNow('2026-10-26T10:00:00Z'); // Monday 11:00 local, after the 08:30 handover: week 42 (42 mod 4 = 2, 42 mod 3 = 0)
  const s = (await (await as('permanentie')).get('/api/night-sheet')).body;
  expect(s.night).toBe('2026-10-26');
  expect(s.dutyAt).toBe('2026-10-26T21:00:00.000Z'); // 22:00 in Brussels, winter time
  expect(s.duty.primary.name).toBe('Jan Janssens');
  expect(s.duty.backup.name).toBe('Pieter Mertens');
});

it("is the desk's: OCMW staff get 403", async () => {
  expect((await (await as('ocmw-turnhout')).get('/api/night-sheet')).status).toBe(403);
});
