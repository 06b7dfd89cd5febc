// twilio:configure against Twilio's REST API as msw stands it in: the real request shapes, Basic auth.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { configureNumber } from './configure';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'token-of-sixteen-chars';
const API = 'https://api.twilio.test';
const updates: Record<string, string>[] = [];
const authOk = (req: Request) =>
  req.headers.get('authorization') === `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;

const server = setupServer(
  http.get(`${API}/2010-04-01/Accounts/:sid/IncomingPhoneNumbers.json`, ({ request }) => {
    if (!authOk(request)) return HttpResponse.json({ code: 20003, message: 'Authenticate' }, { status: 401 });
    const number = new URL(request.url).searchParams.get('PhoneNumber');
    return HttpResponse.json({
      incoming_phone_numbers: number === '+3214000000' ? [{ sid: 'PN123', phone_number: number }] : [],
    });
  }),
  http.post(`${API}/2010-04-01/Accounts/:sid/IncomingPhoneNumbers/:pn`, async ({ request, params }) => {
    if (!authOk(request)) return HttpResponse.json({ message: 'Authenticate' }, { status: 401 });
    updates.push({ pn: String(params.pn), ...Object.fromEntries(new URLSearchParams(await request.text())) });
    return HttpResponse.json({ sid: 'PN123' });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  updates.length = 0;
});

const env = {
  TWILIO_ACCOUNT_SID: SID,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_PHONE_NUMBER: '+3214000000',
  TWILIO_API_URL: API,
  PUBLIC_URL: 'https://desk.example.be',
  TWILIO_FALLBACK_URL: 'https://handler.twilio.com/twiml/EH123',
};

describe('twilio:configure', () => {
  it('sets the voice, SMS, status and fallback URLs of the number', async () => {
    const result = await configureNumber(loadConfig(env));
    expect(result.phoneNumberSid).toBe('PN123');
    expect(updates).toEqual([
      {
        pn: 'PN123.json',
        VoiceUrl: 'https://desk.example.be/twilio/voice',
        VoiceMethod: 'POST',
        StatusCallback: 'https://desk.example.be/twilio/voice/status',
        StatusCallbackMethod: 'POST',
        VoiceFallbackUrl: 'https://handler.twilio.com/twiml/EH123',
        VoiceFallbackMethod: 'POST',
        SmsUrl: 'https://desk.example.be/twilio/sms',
        SmsMethod: 'POST',
      },
    ]);
  });

  it('refuses a fallback on the same server, before calling Twilio', async () => {
    await expect(
      configureNumber(loadConfig({ ...env, TWILIO_FALLBACK_URL: 'https://desk.example.be/fallback' })),
    ).rejects.toThrow(/fallback is down too/);
    expect(updates).toEqual([]);
  });

  it('says which setting is missing or wrong', async () => {
    await expect(configureNumber(loadConfig({ ...env, TWILIO_FALLBACK_URL: '' }))).rejects.toThrow(
      /TWILIO_FALLBACK_URL/,
    );
    await expect(configureNumber(loadConfig({ ...env, PUBLIC_URL: 'http://localhost:3000' }))).rejects.toThrow(/https/);
    await expect(configureNumber(loadConfig({ ...env, TWILIO_PHONE_NUMBER: '+3214999999' }))).rejects.toThrow(
      /not a number of account/,
    );
    await expect(configureNumber(loadConfig({ ...env, TWILIO_AUTH_TOKEN: 'wrong-token-sixteen' }))).rejects.toThrow(
      /401: Authenticate/,
    );
  });
});
