// Each region's desk decides competence with its own agreements (issue 15): an agreement of
// Boom-Mechelen-Lier applies to its desk's placements and not to the Kempen's. The fixture gives
// Boom-Mechelen-Lier (and only it) an agreement for the homeless rule: "the OCMW of the place's
// municipality takes over". By the rule, a homeless person asking in Mechelen (12025) is Mechelen's;
// placed in another municipality of the region under that agreement, the place's municipality is competent.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeHomeless } from '../../test/helpers/placement';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const as: Record<string, ApiClient> = {};
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  const agreement = {
    id: 'bml-test',
    label: 'BML: de gemeente van de opvangplaats',
    rules: ['homeless'],
    competent: 'place_municipality',
  };
  await sql`update regions set settings = jsonb_set(settings, '{competence}', ${JSON.stringify({ agreements: [agreement] })}::jsonb)
    where code = 'boom-mechelen-lier'`.execute(t.db.db);
  for (const u of ['permanentie', 'permanentie-bml']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

const placeHomelessFromMechelen = (worker: ApiClient) =>
  placeHomeless(worker, '12025', 'Ruben Testman', (p) => p.municipality.nis !== '12025');

describe("a region's own agreements", () => {
  it("apply to its desk's placement: the place's municipality takes over", async () => {
    const { placeNis, handoff } = await placeHomelessFromMechelen(as['permanentie-bml']!);
    expect(placeNis.startsWith('12') || placeNis.startsWith('11')).toBe(true); // a place of Boom-Mechelen-Lier
    expect(handoff.ocmw.nis).toBe(placeNis);
  });

  it("do not apply to another region's desk: the Kempen's placement goes by the law alone (Mechelen)", async () => {
    const { placeNis, handoff } = await placeHomelessFromMechelen(as.permanentie!);
    expect(placeNis.startsWith('13')).toBe(true); // a Kempen place
    expect(handoff.ocmw.nis).toBe('12025');
  });
});
