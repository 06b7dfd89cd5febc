// The referrer figures (issue 20) over one night played through the real line, SMS outbox and API.
// By hand: a call at 23:10 (22:10Z), its intake held 5 minutes later, the confirmation leaves 30 s
// after that: 5.5 minutes from call to confirmation. Two call-backs on that case. A second intake
// held for a fixed-line referrer (no text), a third never held. So: 3 intakes, 2 held, 1 confirmed
// (share 0.5), 2 call-backs, 1 case called back, 2 / 3 = 0.67 call-backs per case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { FakeTwilio, twilioRest } from '../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { processOutboxOnce } from '../telephony/outbox/worker';

const SID = `AC${'b'.repeat(32)}`;
const TOKEN = 'loop-figures-token-0123';
const API = 'https://api.twilio.test';
const PUBLIC = 'https://desk.example.be';
const POLICE = '+3214440101';
const rest = twilioRest({ accountSid: SID, authToken: TOKEN, apiUrl: API });
let t: TestServer;

const intake = (phone: string, callId?: string) => ({
  ...(callId ? { callId } : {}),
  referrer: { kind: 'police', organisation: 'PZ Regio Turnhout', phone },
  person: { name: 'A B' },
  household: { type: 'alleenstaande_man', adults: 1, children: 0 },
  ethos: 'public_space',
  facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
});

beforeAll(async () => {
  rest.start();
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      TWILIO_API_URL: API,
      PUBLIC_URL: PUBLIC,
    },
  });
  const clock = t.clock as ManualClock;
  clock.set('2026-11-27T22:10:00Z');
  const fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
  const worker = new ApiClient(t.url);
  await worker.login('permanentie');
  const answer = async () =>
    fake.phone((await worker.get('/api/oncall/now')).body.primary.phone).answers({ press: '1' });
  await answer();
  const call = await fake.call({ from: POLICE });
  const callId = (await worker.get('/api/calls')).body.calls.find((c: { sid: string }) => c.sid === call.sid).id;
  const places = ((await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[]).filter(
    (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
  );
  const a = (await worker.post('/api/intakes', intake('0470 12 00 01', callId))).body;
  clock.advance(5 * 60_000);
  expect((await worker.post(`/api/intakes/${a.id}/hold`, { placeId: places[0].id })).status).toBe(201);
  clock.advance(30_000);
  await processOutboxOnce(t.app.services);
  for (let i = 0; i < 2; i++) {
    await answer();
    await fake.call({ from: POLICE });
  }
  const b = (await worker.post('/api/intakes', intake('014 41 00 02'))).body;
  expect((await worker.post(`/api/intakes/${b.id}/hold`, { placeId: places[1].id })).status).toBe(201);
  await worker.post('/api/intakes', intake('0470 12 00 03'));
  clock.advance(31_000);
  await processOutboxOnce(t.app.services);
});
afterAll(async () => {
  await t.close();
  rest.stop();
});

describe('the referrer figures', () => {
  it('count confirmations, the time from call to confirmation and call-backs per case', async () => {
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    const fig = (await lead.get('/api/figures?from=2026-11-27&to=2026-11-27')).body;
    expect(fig.referrerLoop).toEqual({
      intakes: 3,
      held: 2,
      confirmed: 1,
      confirmedShare: 0.5,
      callToConfirmation: { count: 1, meanMin: 5.5, medianMin: 5.5, p90Min: 5.5 },
      callBacks: 2,
      casesCalledBack: 1,
      callBacksPerCase: 0.67,
    });
    expect(rest.messages.map((m) => m.to)).toEqual(['+32470120001']);
    const csv = (await lead.get('/api/figures/csv?table=referrer_loop&from=2026-11-27&to=2026-11-27&lang=en'))
      .body as string;
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual([
      'intakes;place held;referrer got a text;share;call to text, median (min);call to text, p90 (min);call-backs;intakes called back;call-backs per intake',
      '3;2;1;0.5;5.5;5.5;2;1;0.67',
    ]);
  });
});
