// Issue 13: every parameter of every Twilio webhook the desk serves, made hostile one at a time (NUL and
// other control characters, 10 kB values, empty, missing, wrong Sid shapes) and signed with Twilio's real
// algorithm, so each case reaches the handler. The answer is a clear 4xx or safe TwiML, never 5xx; a
// refused request writes nothing; nothing with a control character is stored; no webhook is left in the
// journal or parked; and after each case the desk still answers /healthz and dials a signed call.
import { randomBytes, randomUUID } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioRoutes } from '../server/telephony/webhooks';
import { FakeTwilio } from './fake-twilio';
import { startTestServer, type TestServer } from './helpers/server';

const SID = `AC${'7'.repeat(32)}`;
const TOKEN = 'params-fuzz-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const DESK = '+3214000000';
const hex = () => randomBytes(16).toString('hex');

let t: TestServer;
let fake: FakeTwilio;
let parent: string;
let placeId: string;
let outboxId: string;
beforeAll(async () => {
  t = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: DESK, PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({ baseUrl: t.url, publicUrl: PUBLIC, authToken: TOKEN, accountSid: SID, phoneNumber: DESK });
  // A real call the follow-up webhooks (screen, dialled, recorded, status) can refer to.
  parent = `CA${hex()}`;
  expect(
    (
      await fake.sendSigned('/twilio/voice', {
        CallSid: parent,
        AccountSid: SID,
        From: '+32470111222',
        To: DESK,
        CallStatus: 'ringing',
        Direction: 'inbound',
      })
    ).body,
  ).toContain('<Dial');
  placeId = (await t.db.db.selectFrom('places').select('id').where('phone', 'is not', null).executeTakeFirstOrThrow())
    .id;
  outboxId = (await t.db.db.selectFrom('outbox').select('id').executeTakeFirst())?.id ?? randomUUID();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** What Twilio really sends to each webhook: the parameters and the query the desk put in the URL. */
function baseline(path: string): { params: Record<string, string>; query: Record<string, string> } {
  const call = { AccountSid: SID, From: '+32470111222', To: DESK, Direction: 'inbound', ApiVersion: '2010-04-01' };
  switch (path) {
    case '/twilio/voice':
      return {
        params: { ...call, CallSid: `CA${hex()}`, CallStatus: 'ringing', Caller: '+32470111222', Called: DESK },
        query: {},
      };
    case '/twilio/voice/screen':
      return {
        params: {
          ...call,
          CallSid: `CA${hex()}`,
          ParentCallSid: parent,
          CallStatus: 'in-progress',
          Direction: 'outbound-dial',
        },
        query: { step: '0', caller: 'Politie Turnhout' },
      };
    case '/twilio/voice/screened':
      return {
        params: { ...call, CallSid: `CA${hex()}`, ParentCallSid: parent, Digits: '2', CallStatus: 'in-progress' },
        query: { step: '0' },
      };
    case '/twilio/voice/dialled':
      return {
        params: {
          ...call,
          CallSid: parent,
          DialCallSid: `CA${hex()}`,
          DialCallStatus: 'no-answer',
          DialCallDuration: '0',
        },
        query: { step: '0' },
      };
    case '/twilio/voice/recorded':
      return {
        params: {
          ...call,
          CallSid: parent,
          RecordingSid: `RE${hex()}`,
          RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${SID}/Recordings/RE${hex()}`,
          RecordingDuration: '12',
        },
        query: {},
      };
    case '/twilio/voice/status':
      return {
        params: {
          ...call,
          CallSid: parent,
          CallStatus: 'in-progress',
          SequenceNumber: '1',
          CallDuration: '3',
          Timestamp: 'Sun, 25 Oct 2026 01:31:00 +0000',
        },
        query: {},
      };
    case '/twilio/voice/connect':
      return {
        params: {
          ...call,
          CallSid: `CA${hex()}`,
          From: DESK,
          To: '+32470222333',
          Direction: 'outbound-api',
          CallStatus: 'in-progress',
        },
        query: { place: placeId },
      };
    case '/twilio/sms':
      return {
        params: {
          AccountSid: SID,
          MessageSid: `SM${hex()}`,
          SmsSid: `SM${hex()}`,
          From: '+32499123456',
          To: DESK,
          Body: 'Is er nog plaats?',
          NumMedia: '0',
          NumSegments: '1',
        },
        query: {},
      };
    case '/twilio/sms/status':
      return {
        params: {
          AccountSid: SID,
          MessageSid: `SM${hex()}`,
          MessageStatus: 'delivered',
          To: '+32470111222',
          From: DESK,
        },
        query: { outbox: outboxId },
      };
    default:
      throw new Error(`no baseline for ${path}: add what Twilio sends to this new webhook`);
  }
}

const SIDS = /Sid$/;
/** The hostile values of one parameter: each is one case. */
function mutations(name: string, value: string): [string, string | undefined][] {
  const mid = Math.floor(value.length / 2);
  const out: [string, string | undefined][] = [
    ['NUL', `${value.slice(0, mid)}\u0000${value.slice(mid)}`],
    ['control characters', `\u0001${value}\u001b[2J\u0008\u007f`],
    ['10 kB', value + '9'.repeat(10_240)],
    ['empty', ''],
    ['missing', undefined],
  ];
  if (SIDS.test(name)) {
    out.push(
      ['short Sid', value.slice(0, 10)],
      ['wrong prefix', `XX${value.slice(2)}`],
      ['upper-case hex', value.slice(0, 2) + value.slice(2).toUpperCase()],
      ['Sid of another kind', `${name.startsWith('Message') || name.startsWith('Sms') ? 'CA' : 'SM'}${value.slice(2)}`],
    );
  }
  return out;
}

/** A fingerprint of every table a webhook may write (all but sessions and audit), to prove a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const r = await sql<{ h: string }>`select md5(string_agg(t, '|' order by t)) as h from (
    select 'calls:' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as t from calls x
    union all select 'legs:' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from call_legs x
    union all select 'sms:' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from sms_inbound x
    union all select 'outbox:' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from outbox x
    union all select 'alarms:' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from alarms x) f`.execute(
    t.db.db,
  );
  return r.rows[0]!.h;
}

/** Text stored anywhere in the database that holds a control character (tab, newline and CR allowed). */
async function storedControlCharacters(): Promise<string[]> {
  const cols = await sql<{
    table_name: string;
    column_name: string;
  }>`select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying')`.execute(t.db.db);
  const found: string[] = [];
  for (const c of cols.rows) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} ~ ${'[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]'}`.execute(
      t.db.db,
    );
    if (r.rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

/** The desk is up: /healthz answers and a signed call is put through to the rota. */
async function stillAnswers(what: string) {
  expect((await fetch(`${t.url}/healthz`)).status, what).toBe(200);
  const sid = `CA${hex()}`;
  const res = await fake.sendSigned('/twilio/voice', { CallSid: sid, AccountSid: SID, From: '+32470999000', To: DESK });
  expect(res.status, what).toBe(200);
  expect(res.body, what).toContain('<Dial');
  // The call is logged just after the answer; wait for it, so the next case starts from a still database.
  await expect
    .poll(
      async () =>
        (await t.db.db.selectFrom('calls').select('id').where('call_sid', '=', sid).executeTakeFirst()) !== undefined,
      { interval: 10 },
    )
    .toBe(true);
}

/** The fingerprint once nothing is being written any more (two equal readings in a row). */
async function settledFingerprint(): Promise<string> {
  let last = await fingerprint();
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 10));
    const now = await fingerprint();
    if (now === last) return now;
    last = now;
  }
  throw new Error('the database never settled');
}

async function sendCase(
  path: string,
  params: Record<string, string | undefined>,
  query: Record<string, string | undefined>,
) {
  const clean = (o: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const qs = new URLSearchParams(clean(query)).toString();
  return fake.sendSigned(qs ? `${path}?${qs}` : path, clean(params));
}

function expectSafeAnswer(res: { status: number | null; body: string; contentType: string | null }, what: string) {
  const status = res.status ?? 0;
  expect(status, `${what}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
  expect(status, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (status === 200) {
    expect(res.contentType, what).toMatch(/xml/);
    expect(XMLValidator.validate(res.body), `${what}: ${res.body.slice(0, 200)}`).toBe(true);
    expect(res.body, what).toMatch(/<Response[ >/]/);
    // eslint-disable-next-line no-control-regex
    expect(res.body, what).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(res.body.length, what).toBeLessThan(8000); // no 10 kB value echoed back
  } else if (status === 204) {
    expect(res.body, what).toBe('');
  } else {
    expect(status, what).toBeGreaterThanOrEqual(400);
    expect(res.body.length, `${what}: a refusal says why`).toBeGreaterThan(10);
  }
}

describe('every parameter of every Twilio webhook, hostile and signed', () => {
  it.each(twilioRoutes.map((r) => [r.path] as const))(
    '%s',
    async (path) => {
      const base = baseline(path);
      // The untouched request is answered (a baseline that is refused would make every case below pass).
      const ok = await sendCase(path, base.params, base.query);
      expect(ok.status, ok.body).toBeLessThan(300);
      const cases: {
        what: string;
        params: Record<string, string | undefined>;
        query: Record<string, string | undefined>;
      }[] = [];
      for (const [name, value] of Object.entries(base.params)) {
        for (const [kind, v] of mutations(name, value))
          cases.push({ what: `${name} ${kind}`, params: { ...baseline(path).params, [name]: v }, query: base.query });
      }
      for (const [name, value] of Object.entries(base.query)) {
        for (const [kind, v] of mutations(name, value))
          cases.push({ what: `?${name} ${kind}`, params: baseline(path).params, query: { ...base.query, [name]: v } });
      }
      // Every parameter at 10 kB at once (over the form limit), and a NUL in every name.
      cases.push({
        what: 'all 10 kB',
        params: Object.fromEntries(Object.entries(base.params).map(([k, v]) => [k, v + 'x'.repeat(10_240)])),
        query: base.query,
      });
      cases.push({
        what: 'NUL in names',
        params: Object.fromEntries(Object.entries(base.params).map(([k, v]) => [`${k}\u0000`, v])),
        query: base.query,
      });

      for (const c of cases) {
        const before = await settledFingerprint();
        const res = await sendCase(path, c.params, c.query);
        expectSafeAnswer(res, c.what);
        if ((res.status ?? 0) >= 400) expect(await settledFingerprint(), `${c.what}: refused but wrote`).toBe(before);
        await stillAnswers(c.what);
      }
      // Whatever was stored holds no control character, and nothing failed into the journal.
      expect(await storedControlCharacters()).toEqual([]);
      await new Promise((r) => setTimeout(r, 100));
      expect(t.app.services.webhookJournal.size).toBe(0);
      expect(t.app.services.webhookJournal.parked()).toEqual([]);
    },
    120_000,
  );
});
