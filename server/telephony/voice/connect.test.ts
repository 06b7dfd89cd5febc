// "Call to confirm" through the desk: Twilio's REST API stood in by msw, the webhook signed for real.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';
import { signTwilioRequest } from '../twilio/signature';

const SID = `AC${'2'.repeat(32)}`;
const TOKEN = 'connect-test-token-0123';
const API = 'https://api.twilio.test';
const PUBLIC = 'https://desk.example.be';
const calls: Record<string, string>[] = [];
const twilioApi = setupServer(
  http.post(`${API}/2010-04-01/Accounts/${SID}/Calls.json`, async ({ request }) => {
    calls.push(Object.fromEntries(new URLSearchParams(await request.text())));
    return HttpResponse.json({ sid: `CA${'9'.repeat(32)}`, status: 'queued' }, { status: 201 });
  }),
);

let t: TestServer;
beforeAll(async () => {
  // Only Twilio's API is stood in; requests to our own test server go through.
  twilioApi.listen({
    onUnhandledRequest: (req, print) => {
      if (!req.url.startsWith('http://127.0.0.1')) print.error();
    },
  });
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      TWILIO_API_URL: API,
      PUBLIC_URL: PUBLIC,
    },
  });
});
afterAll(async () => {
  await t.close();
  twilioApi.close();
});

describe('call to confirm', () => {
  it('rings the worker from the desk number, then dials the hotel showing the desk number', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    const hotel = (await worker.get('/api/board')).body.places.find(
      (p: { name: string }) => p.name === 'Hotel Terminus (partner)',
    );
    const res = await worker.post(`/api/places/${hotel.id}/call`);
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      {
        To: '+32470112233',
        From: '+3214000000',
        Url: `${PUBLIC}/twilio/voice/connect?place=${hotel.id}`,
        Method: 'POST',
      },
    ]);

    const path = `/twilio/voice/connect?place=${hotel.id}`;
    const params = { CallSid: `CA${'9'.repeat(32)}`, From: '+3214000000', To: '+32470112233' };
    const twiml = await fetch(t.url + path, {
      method: 'POST',
      body: new URLSearchParams(params),
      headers: { 'x-twilio-signature': signTwilioRequest(TOKEN, PUBLIC + path, params) },
    });
    expect(await twiml.text()).toContain(`<Dial callerId="+3214000000" timeout="30">${hotel.phone}</Dial>`);
  });

  it('says what is missing when the worker has no phone', async () => {
    const admin = new ApiClient(t.url);
    await admin.login('admin');
    const hotel = (await admin.get('/api/board')).body.places.find((p: { type: string }) => p.type === 'hotel');
    const res = await admin.post(`/api/places/${hotel.id}/call`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/no phone number for the desk to ring you on/);
  });
});
