// The permanence line end to end: the fake Twilio (test/fake-twilio) calls our real webhooks over
// HTTP, signed like Twilio, and plays out our TwiML; phones answer, press keys, stay silent, are busy.
// The night is the fall-back night of 2026 (out of hours): primary, backup and coordinator on duty.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';

const SID = `AC${'3'.repeat(32)}`;
const TOKEN = 'voice-flow-token-0123';
const PUBLIC = 'https://desk.example.be';
const POLICE = '+3214440101'; // Politie Regio Turnhout, in the directory

let t: TestServer;
let fake: FakeTwilio;
let coordinator: ApiClient;
let chain: { primary: string; backup: string; coordinator: string };
const sockets: Socket[] = [];

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
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator');
  const now = (await coordinator.get('/api/oncall/now')).body;
  chain = { primary: now.primary.phone, backup: now.backup.phone, coordinator: now.coordinator.phone };
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
beforeEach(() => fake.reset());

const callRow = async (sid: string) =>
  (await coordinator.get('/api/calls')).body.calls.find((c: { sid: string }) => c.sid === sid);
const smsTo = async (kind: string) =>
  t.db.db.selectFrom('outbox').select(['to_number', 'body']).where('kind', '=', kind).execute();

describe('an out-of-hours call', () => {
  it('the primary hears who calls, presses 1 and talks to the caller', async () => {
    fake.phone(chain.primary).answers({ press: '1' });
    const call = await fake.call({ from: POLICE });
    expect(call.dialled.map((d) => [d.number, d.outcome])).toEqual([[chain.primary, 'accepted']]);
    expect(call.heard('caller')[0]).toMatch(/^Permanentie noodopvang\. U wordt doorverbonden/);
    expect(call.heard(chain.primary)).toContain(
      'Noodopvang permanentie. Oproep van Politie Regio Turnhout. Druk 1 om aan te nemen.',
    );
    const row = await callRow(call.sid);
    expect(row).toMatchObject({
      outcome: 'answered',
      callerName: 'Politie Regio Turnhout',
      from: POLICE,
      outOfHours: true,
      status: 'completed',
      alarm: null,
    });
    expect(row.answeredBy.name).toBeTruthy();
    expect(row.legs).toEqual([
      expect.objectContaining({ step: 0, role: 'primary', number: chain.primary, status: 'accepted' }),
    ]);
  });

  it('busy primary, silent backup (personal voicemail), the coordinator accepts', async () => {
    fake.phone(chain.primary).isBusy();
    fake.phone(chain.backup).answers({ press: null });
    fake.phone(chain.coordinator).answers({ press: '1' });
    const call = await fake.call({ from: '+32499123456' });
    expect(call.dialled.map((d) => d.outcome)).toEqual(['busy', 'completed-no-key', 'accepted']);
    expect(call.heard(chain.backup)[0]).toMatch(/Oproep van een nummer dat we niet kennen/);
    const row = await callRow(call.sid);
    expect(row.outcome).toBe('answered');
    expect(row.legs.map((l: { role: string; status: string }) => `${l.role}:${l.status}`)).toEqual([
      'primary:busy',
      'backup:no-key',
      'coordinator:accepted',
    ]);
  });

  it('nobody accepts: voicemail, an SMS alarm to all three with the number to ring back, a banner until the call-back', async () => {
    for (const n of Object.values(chain)) fake.phone(n).doesNotAnswer();
    const ws = connect(t.url, {
      extraHeaders: { cookie: coordinator.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(ws);
    await new Promise((r) => ws.once('hello', r));
    const alarmSeen = new Promise((r) => ws.once('alarm:changed', r));
    const call = await fake.call({ from: '+32470998877', voicemail: { durationSec: 14 } });
    await alarmSeen;
    expect(call.dialled.map((d) => d.outcome)).toEqual(['no-answer', 'no-answer', 'no-answer']);
    expect(call.recording?.durationSec).toBe(14);
    expect(call.heard('caller').at(-1)).toMatch(/We bellen u zo snel mogelijk terug/);
    const alarms = (await smsTo('alarm')).filter((m) => m.body.includes('+32470998877'));
    expect(alarms.map((m) => m.to_number).sort()).toEqual(Object.values(chain).sort());
    expect(alarms[0]!.body).toMatch(/Bel terug: \+32470998877/);

    const open = (await coordinator.get('/api/alarms')).body.alarms;
    const row = open.find((c: { sid: string }) => c.sid === call.sid);
    expect(row).toMatchObject({ outcome: 'voicemail', recordingUrl: call.recording?.url });
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    expect((await worker.post(`/api/calls/${row.id}/callback`, { note: 'teruggebeld, geplaatst' })).status).toBe(200);
    expect(
      (await coordinator.get('/api/alarms')).body.alarms.find((c: { sid: string }) => c.sid === call.sid),
    ).toBeUndefined();
    expect((await worker.post(`/api/calls/${row.id}/callback`, {})).status).toBe(404);
  });

  it('a caller who hangs up while it rings is a missed call with an alarm', async () => {
    fake.phone(chain.primary).answers({ press: '1', afterMs: 3000 });
    const call = await fake.call({ from: '+32470111222', callerHangsUpAfterMs: 300 });
    const row = await callRow(call.sid);
    expect(row.outcome).toBe('missed');
    expect(row.alarm).not.toBeNull();
    expect((await smsTo('alarm')).some((m) => m.body.includes('+32470111222') && m.body.includes('hing op'))).toBe(
      true,
    );
  });

  it('links a call to the earlier ones from the same number', async () => {
    fake.phone(chain.primary).answers({ press: '1' });
    const first = await fake.call({ from: '+32470555666' });
    const second = await fake.call({ from: '+32470555666' });
    const a = await callRow(first.sid);
    expect((await callRow(second.sid)).previousCallId).toBe(a.id);
    const detail = await coordinator.get(`/api/calls/${(await callRow(second.sid)).id}`);
    expect(detail.body.earlier.map((c: { sid: string }) => c.sid)).toContain(first.sid);
  });
});

describe('replays and disorder', () => {
  it('is idempotent on CallSid and applies status callbacks in SequenceNumber order', async () => {
    fake.phone(chain.primary).answers({ press: '1' });
    const call = await fake.call({ from: POLICE });
    const before = await callRow(call.sid);
    // Twilio retries the first webhook, and a late "ringing" (sequence 0) arrives after "completed".
    await fake.sendSigned('/twilio/voice', { CallSid: call.sid, From: POLICE, To: '+3214000000', AccountSid: SID });
    await fake.sendSigned('/twilio/voice/status', { CallSid: call.sid, CallStatus: 'ringing', SequenceNumber: '0' });
    const after = await callRow(call.sid);
    expect(after).toMatchObject({ status: 'completed', outcome: 'answered', endedAt: before.endedAt });
    expect(await t.db.db.selectFrom('calls').select('id').where('call_sid', '=', call.sid).execute()).toHaveLength(1);
  });
});

describe('inside office hours', () => {
  it('dials the day number with the same screening', async () => {
    (t.clock as import('../../clock').ManualClock).set('2026-10-27T10:00:00Z'); // Tuesday 11:00
    await import('./keep-fresh').then((m) => m.refreshLastKnownRota(t.app.services));
    const lead = new ApiClient(t.url); // two days later: a new sign-in
    await lead.login('coordinator');
    const day = (await lead.get('/api/oncall/now')).body;
    expect(day.outOfHours).toBe(false);
    fake.phone(day.dayNumber).answers({ press: '1' });
    const call = await fake.call({ from: POLICE });
    expect(call.dialled.map((d) => [d.number, d.outcome])).toEqual([[day.dayNumber, 'accepted']]);
    expect(call.heard(day.dayNumber)[0]).toMatch(/Druk 1 om aan te nemen/);
    const row = (await lead.get('/api/calls')).body.calls.find((c: { sid: string }) => c.sid === call.sid);
    expect(row).toMatchObject({
      outOfHours: false,
      outcome: 'answered',
      legs: [expect.objectContaining({ role: 'day', status: 'accepted' })],
    });
    (t.clock as import('../../clock').ManualClock).set('2026-10-25T01:30:00Z');
  });
});
