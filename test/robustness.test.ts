// Issue 13: whatever a client sends, the desk keeps answering. Each case ends by proving the desk still
// answers /healthz and still dials a signed call; a real server, real socket.io clients, real signatures.
import { randomBytes } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from './fake-twilio';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

const SID = `AC${'4'.repeat(32)}`;
const TOKEN = 'robustness-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const callSid = () => `CA${randomBytes(16).toString('hex')}`;
const smsSid = () => `SM${randomBytes(16).toString('hex')}`;

let t: TestServer;
let fake: FakeTwilio;
let lead: ApiClient;
beforeAll(async () => {
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      PUBLIC_URL: PUBLIC,
      SMS_FORWARDS_PER_SENDER_PER_HOUR: '3',
      SMS_FORWARDS_PER_HOUR: '1000',
    },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
  lead = new ApiClient(t.url);
  await lead.login('coordinator');
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** The desk is up: /healthz answers and a signed call is put through to the rota. */
async function stillAnswers() {
  expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  const res = await fake.sendSigned('/twilio/voice', {
    CallSid: callSid(),
    From: '+32470999000',
    To: '+3214000000',
    AccountSid: SID,
  });
  expect(res.status).toBe(200);
  expect(res.body).toContain('<Dial');
}

function handshake(transport: 'polling' | 'websocket', headers: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const socket = connect(t.url, {
      transports: [transport],
      extraHeaders: headers,
      reconnection: false,
      timeout: 5000,
    });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

describe('nothing a client sends stops the process', () => {
  const hostileCookies = [
    'permanentie_session=%E0%A4%A',
    'permanentie_session=%',
    'permanentie_session=%zz%00',
    '__proto__=x; permanentie_session=%ff',
    `permanentie_session=${'%'.repeat(4000)}`,
    '=;=;;',
    'permanentie_session="unterminated',
  ];
  for (const transport of ['polling', 'websocket'] as const) {
    it(`socket.io handshake over ${transport} with malformed cookies and origins is refused, and the desk goes on`, async () => {
      for (const cookie of hostileCookies) {
        expect(await handshake(transport, { cookie })).toMatch(/not signed in|session expired/);
      }
      expect(await handshake(transport, { cookie: lead.cookie, origin: 'https://evil.example' })).not.toBe('connected');
      expect(await handshake(transport, { cookie: lead.cookie })).toBe('connected');
      await stillAnswers();
    });
  }

  it('deeply nested JSON gets 400 naming the nesting, not 500', async () => {
    const deep = '['.repeat(40_000) + ']'.repeat(40_000);
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'permanentie' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/nested deeper than 32/);
    await stillAnswers();
  });
});

describe('Twilio parameters are cleaned and checked at the edge', () => {
  it('a call whose From holds a NUL is dialled and logged without it', async () => {
    const sid = callSid();
    const res = await fake.sendSigned('/twilio/voice', {
      CallSid: sid,
      From: '+32470\u0000123456',
      To: '+3214000000',
      AccountSid: SID,
    });
    expect(res.body).toContain('<Dial');
    await expect
      .poll(
        async () =>
          (await t.db.db.selectFrom('calls').select('from_number').where('call_sid', '=', sid).executeTakeFirst())
            ?.from_number,
      )
      .toBe('+32470123456');
  });

  it('a call from a withheld number is dialled and logged with no number; a wrong Sid shape still dials', async () => {
    const sid = callSid();
    expect(
      (await fake.sendSigned('/twilio/voice', { CallSid: sid, From: 'anonymous', To: '+3214000000' })).body,
    ).toContain('<Dial');
    await expect
      .poll(
        async () =>
          (await t.db.db.selectFrom('calls').select('from_number').where('call_sid', '=', sid).executeTakeFirst()) ??
          'absent',
      )
      .toEqual({ from_number: null });
    for (const bad of ['CA123', `XX${'0'.repeat(32)}`, 'x'.repeat(10_000)]) {
      const res = await fake.sendSigned('/twilio/voice', { CallSid: bad, From: 'x'.repeat(10_000), To: '+3214000000' });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<Dial');
    }
    await stillAnswers();
  });

  it('an SMS whose Body holds a NUL is kept without it; a wrong MessageSid gets 400 and writes nothing', async () => {
    const sid = smsSid();
    expect(
      (
        await fake.sendSigned('/twilio/sms', {
          MessageSid: sid,
          From: '+32499001122',
          To: '+3214000000',
          Body: 'hulp\u0000 nodig',
        })
      ).status,
    ).toBe(200);
    const row = await t.db.db
      .selectFrom('sms_inbound')
      .select('body')
      .where('message_sid', '=', sid)
      .executeTakeFirst();
    expect(row).toEqual({ body: 'hulp nodig' });
    const bad = await fake.sendSigned('/twilio/sms', { MessageSid: 'SM1', From: '+32499001122', Body: 'x' });
    expect(bad.status).toBe(400);
    expect(await t.db.db.selectFrom('sms_inbound').select('id').where('message_sid', '=', 'SM1').execute()).toEqual([]);
    await stillAnswers();
  });
});

describe("Twilio is never refused by the desk's own limits", () => {
  it('sixty signed texts at once, then a call: the call is answered', async () => {
    const texts = Array.from({ length: 60 }, (_, i) =>
      fake.sendSigned('/twilio/sms', {
        MessageSid: smsSid(),
        From: `+324990${String(i).padStart(5, '0')}`,
        Body: `sms ${i}`,
      }),
    );
    const answers = await Promise.all(texts);
    expect(answers.filter((a) => a.status === 429)).toEqual([]);
    await stillAnswers();
  });

  it('a flood from one number: every text stored, three forwarded, then one summary and the rest held', async () => {
    const from = '+32499777000';
    // Sent one after the other; their order is the order of these sids (two may share a millisecond, so the
    // stored received_at cannot tell them apart).
    const sids = Array.from({ length: 8 }, smsSid);
    for (const [i, sid] of sids.entries()) {
      expect((await fake.sendSigned('/twilio/sms', { MessageSid: sid, From: from, Body: `bericht ${i}` })).status).toBe(
        200,
      );
    }
    const stored = await t.db.db
      .selectFrom('sms_inbound')
      .select(['message_sid', 'handled_as'])
      .where('from_number', '=', from)
      .execute();
    const handled = new Map(stored.map((r) => [r.message_sid, r.handled_as]));
    expect(sids.map((sid) => handled.get(sid))).toEqual([...Array(3).fill('forwarded'), ...Array(5).fill('held')]);
    const forwards = await t.db.db
      .selectFrom('outbox')
      .select('body')
      .where('kind', '=', 'forward')
      .where('body', 'like', `%${from}%`)
      .execute();
    expect(forwards.filter((f) => f.body.startsWith(`Sms van ${from}`))).toHaveLength(3);
    expect(forwards.filter((f) => f.body.startsWith(`Meer sms'en van ${from}`))).toHaveLength(1);
    const inbox = (await lead.get('/api/sms')).body.messages as { from: string; handledAs: string }[];
    expect(inbox.filter((m) => m.from === from)).toHaveLength(8);
  });
});
