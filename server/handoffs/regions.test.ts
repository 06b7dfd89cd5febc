// A handoff across regions (issue 15 part 3): the Kempen's desk places someone for whom Mechelen's OCMW is competent
// (a homeless person who asks for help in Mechelen: the law's rule, no agreement). The handoff lands in the queue of
// OCMW Mechelen, served by Boom-Mechelen-Lier's desk, and in no other OCMW's. Expected values by hand: Friday 27 Nov
// 2026 23:10, OCMW Mechelen opens weekdays 09:00 (region.json), so Friday to Sunday night, due Monday 30 Nov 09:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';

let t: TestServer;
const as: Record<string, ApiClient> = {};
beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    clock: new ManualClock('2026-11-27T22:10:00Z'),
  });
  for (const u of ['permanentie', 'ocmw-mechelen', 'ocmw-turnhout', 'coordinator-bml', 'coordinator']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

describe('a handoff from the Kempen to an OCMW of Boom-Mechelen-Lier', () => {
  let handoffId: string;

  it("is made by the Kempen's placement, to OCMW Mechelen, served by the desk", async () => {
    const worker = as.permanentie!;
    const intake = (
      await worker.post('/api/intakes', {
        referrer: { kind: 'police', organisation: 'PZ Mechelen-Willebroek' },
        person: { name: 'Ruben Testman', birthDate: '1990-05-02' },
        household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        ethos: 'public_space',
        facts: { requestNis: '12025', housing: 'homeless' },
      })
    ).body;
    expect(intake.competence.ocmw).toMatchObject({ served: true });
    const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[];
    const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel');
    expect(place.municipality.nis.startsWith('13')).toBe(true); // a Kempen place: the worker's board is the Kempen's
    expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
    const placed = (await worker.post(`/api/intakes/${intake.id}/place`)).body;
    expect(placed.handoff).toMatchObject({ status: 'open', ocmw: { nis: '12025' }, served: true });
    expect(new Date(placed.handoff.dueAt).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' })).toBe(
      '2026-11-30 09:00:00',
    );
    handoffId = placed.handoff.id;
  });

  it("lands in OCMW Mechelen's queue and in no other OCMW's", async () => {
    const mechelen = (await as['ocmw-mechelen']!.get('/api/handoffs')).body.map((h: { id: string }) => h.id);
    const turnhout = (await as['ocmw-turnhout']!.get('/api/handoffs')).body.map((h: { id: string }) => h.id);
    expect(mechelen).toEqual([handoffId]);
    expect(turnhout).toEqual([]);
  });

  it('both desks see it (placed by one, handed to the other); OCMW Mechelen acknowledges it', async () => {
    for (const u of ['coordinator', 'coordinator-bml'])
      expect((await as[u]!.get('/api/handoffs')).body.map((h: { id: string }) => h.id)).toEqual([handoffId]);
    const ack = await as['ocmw-mechelen']!.post(`/api/handoffs/${handoffId}/acknowledge`, {});
    expect(ack.status).toBe(200);
    expect((await as['ocmw-turnhout']!.post(`/api/handoffs/${handoffId}/acknowledge`, {})).status).toBe(403);
  });
});
