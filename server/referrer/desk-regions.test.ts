// The desk a referrer or an OCMW is told to call is the one that recorded the intake (issue 15): its region's
// name and permanence number, not the first region's. The Kempen's number is +3214000000 (014 00 00 00),
// Boom-Mechelen-Lier's +3215000000 (015 00 00 00); TWILIO_PHONE_NUMBER is the Kempen's, as in a deployment that
// configured one number before it served two regions. Friday 27 November 2026, 23:10.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeHomeless } from '../../test/helpers/placement';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';
import { followUp } from './follow-up';

let t: TestServer;
const desk: Record<'kempen' | 'bml', ApiClient> = {} as never;
beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    clock: new ManualClock('2026-11-27T22:10:00Z'),
    env: { TWILIO_PHONE_NUMBER: '+3214000000' },
  });
  desk.kempen = new ApiClient(t.url);
  await desk.kempen.login('permanentie');
  desk.bml = new ApiClient(t.url);
  await desk.bml.login('permanentie-bml');
});
afterAll(() => t.close());

/** An intake with a referrer's mobile, and a place held for it from the desk's own board; the referrer's text. */
async function heldWithText(by: 'kempen' | 'bml', mobile: string, requestNis: string) {
  const intake = await desk[by].post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'Patrouille Test', phone: mobile },
    person: { name: `Test ${mobile.slice(-4)}`, birthDate: '1990-05-02' },
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    ethos: 'public_space',
    facts: { requestNis, housing: 'homeless' },
  });
  expect(intake.status).toBe(201);
  const board = (await desk[by].get('/api/board?adults=1&children=0&needs=men')).body.places as any[];
  const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel');
  expect((await desk[by].post(`/api/intakes/${intake.body.id}/hold`, { placeId: place.id })).status).toBe(201);
  const texts = await t.db.db
    .selectFrom('outbox')
    .select('body')
    .where('to_number', '=', mobile)
    .where('kind', '=', 'referrer')
    .execute();
  expect(texts).toHaveLength(1);
  return { id: intake.body.id as string, body: texts[0]!.body };
}

describe("the desk's number and name are the intake's region's", () => {
  it('texts the referrer the number of the desk that recorded the case, also for a request in the other region', async () => {
    // Boom-Mechelen-Lier's desk, for a man who asked for help in Turnhout (the Kempen).
    const bml = await heldWithText('bml', '+32470998801', '13040');
    expect(bml.body).toContain('Permanentie: 015 00 00 00.');
    expect(bml.body).not.toContain('014 00 00 00');
    // The Kempen's desk, for a man who asked in Mechelen (Boom-Mechelen-Lier).
    const kempen = await heldWithText('kempen', '+32470998802', '12025');
    expect(kempen.body).toContain('Permanentie: 014 00 00 00.');
    expect(kempen.body).not.toContain('015 00 00 00');
  });

  it("answers the referrer's status text with the recording desk's number", async () => {
    const { reference } = (await t.db.db
      .selectFrom('intakes')
      .select('reference')
      .where((eb) => eb(eb.ref('referrer', '->>').key('phone'), '=', '+32470998801'))
      .executeTakeFirstOrThrow()) as { reference: string };
    const answer = await t.db.db
      .transaction()
      .execute((trx) =>
        followUp(t.app.services, trx, { id: randomUUID(), from: '+32470998801', body: reference, now: t.clock.now() }),
      );
    expect(answer?.handledAs).toBe('status');
    expect(answer?.reply).toContain('Permanentie: 015 00 00 00.');
  });

  it('signs the handoff letter with the name and number of the desk that placed the person', async () => {
    const bml = (await placeHomeless(desk.bml, '12025', 'Jules Brief')).handoff;
    const kempen = (await placeHomeless(desk.kempen, '12025', 'Karel Brief')).handoff;
    const bmlLetter = (await desk.bml.get(`/api/handoffs/${bml.id}/letter`)).body as string;
    const kempenLetter = (await desk.kempen.get(`/api/handoffs/${kempen.id}/letter`)).body as string;
    expect(bmlLetter).toContain('Boom-Mechelen-Lier, +3215000000');
    expect(bmlLetter).not.toContain('Kempen');
    expect(bmlLetter).not.toContain('+3214000000');
    expect(kempenLetter).toContain('Kempen, +3214000000');
    expect(kempenLetter).not.toContain('+3215000000');
  });
});
