// An intake's reference carries the letter of the desk that records it (issue 15), not that of the municipality
// where help was asked. Friday 27 November 2026, 23:10 Brussels time: the night of 27 November, `-2711-`. The
// Kempen's letter is K, Boom-Mechelen-Lier's B (neither configures one: the first letter of the name). In order:
//   BML desk,    asked in Turnhout (13040, the Kempen)        -> B-2711-01
//   BML desk,    asked in Charleroi (52011, outside Flanders) -> B-2711-02
//   Kempen desk, asked in Mechelen (12025, BML)               -> K-2711-01
//   Kempen desk, asked in Turnhout                            -> K-2711-02
//   BML desk,    asked in Mechelen                            -> B-2711-03
// so each letter counts on its own: B up to 3, K up to 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';

let t: TestServer;
const desk: Record<'kempen' | 'bml', ApiClient> = {} as never;
beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    clock: new ManualClock('2026-11-27T22:10:00Z'),
  });
  desk.kempen = new ApiClient(t.url);
  await desk.kempen.login('permanentie');
  desk.bml = new ApiClient(t.url);
  await desk.bml.login('permanentie-bml');
});
afterAll(() => t.close());

async function record(by: 'kempen' | 'bml', requestNis: string, name: string): Promise<string> {
  const res = await desk[by].post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Test' },
    person: { name, birthDate: '1990-05-02' },
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    ethos: 'public_space',
    facts: { requestNis, housing: 'homeless' },
  });
  expect(res.status).toBe(201);
  const detail = await desk[by].get(`/api/intakes/${res.body.id}`);
  expect(detail.status).toBe(200);
  return detail.body.reference as string;
}

describe("the reference's letter is the recording desk's region's", () => {
  it('gives the Boom-Mechelen-Lier desk its B for a request in the Kempen or outside Flanders, counting apart', async () => {
    const refs = [
      await record('bml', '13040', 'Arne Eerste'),
      await record('bml', '52011', 'Bert Tweede'),
      await record('kempen', '12025', 'Cas Derde'),
      await record('kempen', '13040', 'Dirk Vierde'),
      await record('bml', '12025', 'Emiel Vijfde'),
    ];
    expect(refs).toEqual(['B-2711-01', 'B-2711-02', 'K-2711-01', 'K-2711-02', 'B-2711-03']);
    const counters = await t.db.db
      .selectFrom('intake_reference_counters')
      .select(['letter', 'night', 'last_no'])
      .orderBy('letter')
      .execute();
    expect(counters).toEqual([
      { letter: 'B', night: '2026-11-27', last_no: 3 },
      { letter: 'K', night: '2026-11-27', last_no: 2 },
    ]);
  });
});
