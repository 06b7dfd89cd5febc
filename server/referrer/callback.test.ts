// Call-backs recognised: the fake Twilio calls the real webhooks, signed; the worker's screening
// whisper names the case, and the call opens it in the console. The night: Sunday 25 Oct 2026 02:30
// (the fall-back night, out of hours), so the first intake of the night of 24 October is K-2410-01.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { FakeTwilio } from '../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

const SID = `AC${'9'.repeat(32)}`;
const TOKEN = 'callback-test-token-0123';
const PUBLIC = 'https://desk.example.be';
const POLICE = '+3214440101'; // Politie Regio Turnhout, in the demo directory
const MOBILE = '+32470556677'; // the officer's own mobile, given as the referrer's number

let t: TestServer;
let fake: FakeTwilio;
let worker: ApiClient;
beforeAll(async () => {
  t = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: '+3214000000', PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
  worker = new ApiClient(t.url);
  await worker.login('permanentie');
});
afterAll(() => t.close());
beforeEach(() => fake.reset());

async function primaryAnswers(): Promise<string> {
  const primary = (await worker.get('/api/oncall/now')).body.primary.phone as string;
  fake.phone(primary).answers({ press: '1' });
  return primary;
}
const callRow = async (sid: string) =>
  (await worker.get('/api/calls')).body.calls.find((c: { sid: string }) => c.sid === sid);

describe('a call-back about an open case', () => {
  let intakeId: string;

  it('is announced in the whisper with the case, and the console opens that case', async () => {
    const primary = await primaryAnswers();
    const first = await fake.call({ from: POLICE });
    const firstRow = await callRow(first.sid);
    expect(firstRow.aboutCase).toBeNull();
    const intake = await worker.post('/api/intakes', {
      callId: firstRow.id,
      referrer: { kind: 'police', organisation: 'PZ Regio Turnhout', phone: '0470 55 66 77' },
      person: { name: 'Maria Janssens' },
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
      ethos: 'public_space',
      facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
    });
    expect(intake.status).toBe(201);
    expect(intake.body.reference).toBe('K-2410-01');
    intakeId = intake.body.id;

    (t.clock as ManualClock).advance(20 * 60_000); // "we are at the door, nobody opens"
    await primaryAnswers();
    const again = await fake.call({ from: POLICE });
    expect(again.heard(primary)).toContain(
      'Noodopvang permanentie. Oproep van Politie Regio Turnhout, over aanmelding K-2410-01, moeder met twee kinderen. Druk 1 om aan te nemen.',
    );
    expect((await callRow(again.sid)).aboutCase).toEqual({ intakeId, reference: 'K-2410-01' });
  });

  it("is recognised from the referrer's own mobile too, named by the organisation on the case", async () => {
    const primary = await primaryAnswers();
    const call = await fake.call({ from: MOBILE });
    expect(call.heard(primary)).toContain(
      'Noodopvang permanentie. Oproep van PZ Regio Turnhout, over aanmelding K-2410-01, moeder met twee kinderen. Druk 1 om aan te nemen.',
    );
    expect((await callRow(call.sid)).aboutCase).toEqual({ intakeId, reference: 'K-2410-01' });
  });

  it('is not a call-back from another number, nor after 12 hours', async () => {
    let primary = await primaryAnswers();
    const stranger = await fake.call({ from: '+32470999888' });
    expect(stranger.heard(primary)).toContain(
      'Noodopvang permanentie. Oproep van een nummer dat we niet kennen. Druk 1 om aan te nemen.',
    );
    expect((await callRow(stranger.sid)).aboutCase).toBeNull();
    // The case was made at 02:30; 12 hours and a minute later it is no longer "open in the last 12 hours".
    (t.clock as ManualClock).set('2026-10-25T13:31:00Z');
    primary = await primaryAnswers();
    const late = await fake.call({ from: POLICE });
    expect(late.heard(primary)).toContain(
      'Noodopvang permanentie. Oproep van Politie Regio Turnhout. Druk 1 om aan te nemen.',
    );
    expect((await callRow(late.sid)).aboutCase).toBeNull();
  });
});
