// A desk's own handoff is on its list wherever it placed the person and wherever the competent OCMW is (issue 15):
// Boom-Mechelen-Lier's desk places someone for whom the CPAS of Charleroi is competent (no region serves it) on a
// Kempen place (the two regions agreed to hold across). The handoff is on Boom-Mechelen-Lier's list, as on the
// Kempen's (its place); before, only the place's region and the OCMW's listed it.
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
  for (const u of ['permanentie-bml', 'coordinator-bml', 'coordinator']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

/**
 * Boom-Mechelen-Lier's worker records a homeless man who asks for help in `requestNis`, holds the first suitable
 * free place on `boardOf`'s board (the Kempen's or Boom-Mechelen-Lier's) for him and places him; the handoff's id.
 */
async function placedHandoff(person: { name: string; birthDate: string }, requestNis: string, boardOf: string) {
  const worker = as['permanentie-bml']!;
  const intake = (
    await worker.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Mechelen-Willebroek' },
      person,
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts: { requestNis, housing: 'homeless' },
    })
  ).body;
  const board = (await as[boardOf]!.get('/api/board?adults=1&children=0&needs=men')).body.places as {
    id: string;
    suitable: boolean;
    free: number;
    type: string;
  }[];
  const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel')!;
  expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
  const placed = await worker.post(`/api/intakes/${intake.id}/place`);
  expect(placed.status).toBe(200);
  return { served: intake.competence.ocmw.served as boolean, handoffId: placed.body.handoff.id as string };
}

describe("a desk's own handoff, placed at a neighbour's, to an OCMW no region serves", () => {
  it("is on the desk's own list", async () => {
    const { served, handoffId } = await placedHandoff(
      { name: 'Luc Voorbeeld', birthDate: '1984-03-09' },
      '52011',
      'coordinator',
    );
    expect(served).toBe(false); // the CPAS of Charleroi: no region serves it
    const listed = async (u: string) => (await as[u]!.get('/api/handoffs')).body.map((h: { id: string }) => h.id);
    expect(await listed('coordinator-bml')).toContain(handoffId);
    expect(await listed('coordinator')).toContain(handoffId); // the place's desk: the guest sleeps there
  });

  it("another region's handoff is 404 to the desk, to read and to act on, and nothing is done to it", async () => {
    // OCMW Mechelen, on a place of Boom-Mechelen-Lier's own: nothing of it is the Kempen's.
    const { handoffId } = await placedHandoff(
      { name: 'Jan Voorbeeld', birthDate: '1979-11-23' },
      '12025',
      'coordinator-bml',
    );
    const before = await t.db.db
      .selectFrom('handoffs')
      .selectAll()
      .where('id', '=', handoffId)
      .executeTakeFirstOrThrow();
    const kempen = as.coordinator!;
    expect((await kempen.get(`/api/handoffs/${handoffId}`)).status).toBe(404);
    expect((await kempen.post(`/api/handoffs/${handoffId}/acknowledge`, {})).status).toBe(404);
    expect((await kempen.post(`/api/handoffs/${handoffId}/close`, { note: 'niet van ons' })).status).toBe(404);
    expect(
      (
        await kempen.post(`/api/handoffs/${handoffId}/handover`, {
          method: 'phone',
          contact: 'X, maatschappelijk werker',
        })
      ).status,
    ).toBe(404);
    const after = await t.db.db
      .selectFrom('handoffs')
      .selectAll()
      .where('id', '=', handoffId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await as['coordinator-bml']!.get(`/api/handoffs/${handoffId}`)).status).toBe(200);
  });
});
