// The referrer's follow-up by SMS, sent by the fake Twilio with real signatures. The night: Sunday
// 25 Oct 2026 02:30 in Brussels (after the clock went back); a 60-minute hold runs until 03:30.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { FakeTwilio } from '../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { FOLLOW_UPS_PER_HOUR } from './follow-up';

const SID = `AC${'a'.repeat(32)}`;
const TOKEN = 'follow-up-test-token-0123';
const PUBLIC = 'https://desk.example.be';
const MOBILE = '+32470667788';
let t: TestServer;
let fake: FakeTwilio;
let worker: ApiClient;
let intake: { id: string; reference: string };

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
  intake = (
    await worker.post('/api/intakes', {
      referrer: { kind: 'hospital', organisation: 'AZ Turnhout spoed', phone: '0470 66 77 88' },
      person: { name: 'Jan Peeters' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'leaving_institution',
      facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
    })
  ).body;
});
afterAll(() => t.close());

const forwards = () => t.db.db.selectFrom('outbox').select('body').where('kind', '=', 'forward').execute();
const handled = async (sid: string) =>
  (
    await t.db.db
      .selectFrom('sms_inbound')
      .select('handled_as')
      .where('message_sid', '=', sid)
      .executeTakeFirstOrThrow()
  ).handled_as;

describe('the referrer texts the reference', () => {
  it('gets the state back, without a name, and the worker is not woken', async () => {
    expect((await fake.sms({ from: MOBILE, body: intake.reference })).replies).toEqual([
      `Noodopvang ${intake.reference}: nog geen plaats vastgehouden. Permanentie: 014 00 00 00.`,
    ]);
    const place = ((await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[]).find(
      (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
    );
    expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
    const res = await fake.sms({ from: MOBILE, body: `stand ${intake.reference.toLowerCase()}?` });
    expect(res.replies).toEqual([
      `Noodopvang ${intake.reference}: plaats vastgehouden tot 03:30. Permanentie: 014 00 00 00.`,
    ]);
    expect(res.replies[0]).not.toContain('Jan');
    expect(await handled(res.messageSid)).toBe('status');
    expect(await forwards()).toEqual([]);
  });

  it('a stranger texting the reference learns nothing: an ordinary text, forwarded to the worker, no answer', async () => {
    const res = await fake.sms({ from: '+32499123456', body: intake.reference });
    expect(res.replies).toEqual([]);
    expect(await handled(res.messageSid)).toBe('forwarded');
    expect((await forwards()).map((f) => f.body)).toEqual([`Sms van +32499123456: ${intake.reference}`]);
  });

  it(`answers at most ${FOLLOW_UPS_PER_HOUR} times an hour per number, then keeps the texts for the console`, async () => {
    // Two answered above; three more, then none.
    for (let i = 0; i < FOLLOW_UPS_PER_HOUR - 2; i++)
      expect((await fake.sms({ from: MOBILE, body: intake.reference })).replies).toHaveLength(1);
    const limited = await fake.sms({ from: MOBILE, body: intake.reference });
    expect(limited.replies).toEqual([]);
    expect(await handled(limited.messageSid)).toBe('status-limited');
    expect(await forwards()).toHaveLength(1); // only the stranger's
  });

  it('says arrived once the person is placed', async () => {
    expect((await worker.post(`/api/intakes/${intake.id}/place`)).status).toBe(200);
    (t.clock as ManualClock).advance(61 * 60_000); // a new hour's allowance
    expect((await fake.sms({ from: MOBILE, body: intake.reference })).replies).toEqual([
      `Noodopvang ${intake.reference}: aangekomen. Permanentie: 014 00 00 00.`,
    ]);
  });
});
