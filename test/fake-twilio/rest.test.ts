// twilioRest(): Twilio's REST API as msw stands it in, checked with plain fetch and with the official client.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilio, twilioRest } from './index';

const ACCOUNT = `AC${'cd'.repeat(16)}`;
const TOKEN = 'rest-auth-token';
const DESK = '+3214000000';
const API = 'https://api.twilio.com';
const rest = twilioRest({ accountSid: ACCOUNT, authToken: TOKEN, phoneNumbers: [DESK] });
const basic = `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`;

beforeAll(() => rest.start());
afterAll(() => rest.stop());
beforeEach(() => rest.reset());

const post = (path: string, body: Record<string, string>, auth: string | null = basic, signal?: AbortSignal) =>
  fetch(`${API}/2010-04-01/Accounts/${ACCOUNT}${path}`, {
    method: 'POST',
    body: new URLSearchParams(body),
    ...(signal ? { signal } : {}),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
  });
const sms = {
  To: '+32470111111',
  From: DESK,
  Body: 'Oproep gemist',
  StatusCallback: 'https://desk.example.be/twilio/sms/status',
};

describe('twilioRest', () => {
  it('sends a message like Twilio: 201, SM sid, queued', async () => {
    const res = await post('/Messages.json', sms);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      to: sms.To,
      from: DESK,
      body: sms.Body,
      status: 'queued',
      error_code: null,
      account_sid: ACCOUNT,
    });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(rest.messages).toEqual([
      expect.objectContaining({ sid: body.sid, to: sms.To, statusCallback: sms.StatusCallback }),
    ]);
  });

  it('answers 401 (code 20003) without the right Basic auth', async () => {
    for (const auth of [null, `Basic ${Buffer.from(`${ACCOUNT}:wrong`).toString('base64')}`]) {
      const res = await post('/Messages.json', sms, auth);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 20003, status: 401 });
    }
    expect(rest.messages).toEqual([]);
  });

  it('fails the next requests on demand: HTTP status, Twilio error code, network error, timeout', async () => {
    rest.failNext(2, 500);
    rest.failNext(1, { code: 21211, message: "The 'To' number is not a valid phone number." });
    rest.failNext(1, 'network');
    rest.failNext(1, 'timeout');
    expect((await post('/Messages.json', sms)).status).toBe(500);
    expect(await (await post('/Messages.json', sms)).json()).toMatchObject({ code: 20500, status: 500 });
    expect(await (await post('/Messages.json', sms)).json()).toMatchObject({ code: 21211, status: 400 });
    await expect(post('/Messages.json', sms)).rejects.toThrow();
    await expect(post('/Messages.json', sms, basic, AbortSignal.timeout(100))).rejects.toThrow();
    expect((await post('/Messages.json', sms)).status).toBe(201);
    expect(rest.log.map((l) => l.status)).toEqual([500, 500, 400, 'network', 'timeout', 201]);
    expect(rest.messages).toHaveLength(1);
  });

  it('lists the number and records the configuration posted to it', async () => {
    const list = await fetch(
      `${API}/2010-04-01/Accounts/${ACCOUNT}/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(DESK)}`,
      { headers: { authorization: basic } },
    );
    const { incoming_phone_numbers: numbers } = (await list.json()) as { incoming_phone_numbers: { sid: string }[] };
    expect(numbers).toHaveLength(1);
    const res = await post(`/IncomingPhoneNumbers/${numbers[0]!.sid}.json`, {
      VoiceUrl: 'https://desk.example.be/twilio/voice',
      VoiceMethod: 'POST',
    });
    expect(await res.json()).toMatchObject({
      sid: numbers[0]!.sid,
      voice_url: 'https://desk.example.be/twilio/voice',
      voice_method: 'POST',
    });
    expect(rest.updates).toEqual([
      { sid: numbers[0]!.sid, fields: { VoiceUrl: 'https://desk.example.be/twilio/voice', VoiceMethod: 'POST' } },
    ]);
  });

  it('serves the official twilio client', async () => {
    const client = twilio(ACCOUNT, TOKEN);
    const msg = await client.messages.create({ to: sms.To, from: DESK, body: 'Via de SDK' });
    expect(msg.sid).toMatch(/^SM/);
    expect(rest.messages[0]).toMatchObject({ to: sms.To, body: 'Via de SDK' });
  });

  it('lets local requests through, so FakeTwilio can report a sent message failing', async () => {
    const seen: Record<string, string>[] = [];
    const app = express().post('/twilio/sms/status', express.urlencoded({ extended: false }), (req, res) => {
      seen.push(req.body as Record<string, string>);
      res.status(204).end();
    });
    const server: Server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const fake = new FakeTwilio({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      publicUrl: 'https://desk.example.be',
      authToken: TOKEN,
      accountSid: ACCOUNT,
      phoneNumber: DESK,
    });
    await post('/Messages.json', sms);
    const req = await fake.messageStatus(rest.messages[0]!, 'failed', { errorCode: 30008 });
    expect(req.status).toBe(204);
    expect(seen).toEqual([
      expect.objectContaining({ MessageSid: rest.messages[0]!.sid, MessageStatus: 'failed', ErrorCode: '30008' }),
    ]);
    server.closeAllConnections();
    server.close();
  });
});
