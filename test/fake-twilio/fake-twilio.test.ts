// The fake Twilio network against a toy webhook server (toy-app.ts): signatures, screening, the chain, voicemail, SMS.
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, ACCOUNT, B, CALLER, CHAIN, DESK, PUBLIC, startToyServer, TOKEN, type ToyServer } from './toy-app';

let toy: ToyServer;
beforeAll(async () => {
  toy = await startToyServer();
});
afterAll(() => toy.close());
const fakeTwilio: ToyServer['fake'] = (o) => toy.fake(o);
const outcomes = (call: { dialled: { outcome: string }[] }) => call.dialled.map((d) => d.outcome);

describe('FakeTwilio voice', () => {
  it('signs every request over the public URL so twilio.validateRequest accepts it; forged ones are refused', async () => {
    const fake = fakeTwilio();
    fake.phone(A).answers({ press: '1' });
    const call = await fake.call({ from: CALLER });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(fake.requests.length).toBeGreaterThanOrEqual(5);
    for (const r of fake.requests) {
      expect(r.url.startsWith(`${PUBLIC}/twilio/`) && r.sentTo.startsWith(`${toy.baseUrl}/twilio/`)).toBe(true);
      expect(twilio.validateRequest(TOKEN, r.signature!, r.url, r.params)).toBe(true);
    }
    expect(toy.forged).toEqual([]);
    const params = { CallSid: call.sid, From: CALLER, To: DESK };
    expect((await fake.sendSigned('/twilio/voice', params)).status).toBe(200);
    expect((await fake.sendSigned('/twilio/voice', params, { tokenOverride: 'stolen' })).status).toBe(403);
    expect((await fake.sendSigned('/twilio/voice', params, { signatureOverride: null })).status).toBe(403);
    expect(toy.forged).toEqual(['/twilio/voice', '/twilio/voice']);
  });

  it('puts the caller through to the first number when it presses 1', async () => {
    const fake = fakeTwilio();
    fake.phone(A).answers({ press: '1' });
    const call = await fake.call({ from: CALLER });
    expect(call.status).toBe('completed');
    expect(call.dialled).toEqual([
      { number: A, outcome: 'accepted', dialCallSid: expect.stringMatching(/^CA/), configured: true },
    ]);
    expect(call.heard('caller')).toEqual(['Permanentie noodopvang.']);
    expect(call.heard(A)).toEqual(['Druk 1 om aan te nemen.', 'U wordt verbonden.']);
    const [screen] = call.requestsTo('/twilio/voice/screen');
    expect(screen!.params).toMatchObject({
      CallSid: call.dialled[0]!.dialCallSid,
      ParentCallSid: call.sid,
      From: CALLER,
      To: A,
      CallStatus: 'in-progress',
      Direction: 'outbound-dial',
    });
    expect(call.requestsTo('/twilio/voice/screened')[0]!.url).toBe(`${PUBLIC}/twilio/voice/screened?step=0`);
    const [dialled] = call.requestsTo('/twilio/voice/dialled');
    expect(dialled!.params).toMatchObject({
      CallSid: call.sid,
      DialCallStatus: 'completed',
      DialCallSid: call.dialled[0]!.dialCallSid,
    });
    expect(Number(dialled!.params.DialCallDuration)).toBeGreaterThan(0);
    const [status] = call.requestsTo('/twilio/voice/status');
    expect(status!.params).toMatchObject({ CallSid: call.sid, CallStatus: 'completed', SequenceNumber: '0' });
    expect(Number(status!.params.CallDuration)).toBe(call.durationSec);
    // The caller hung up after the conversation: the Dial action was posted, its TwiML not played.
    expect(call.transcript).toContainEqual(
      expect.objectContaining({ type: 'request', path: '/twilio/voice/dialled', ignored: true }),
    );
    expect(dialled!.params.CallStatus).toBe('completed');
  });

  it('plays the Dial action to the caller when the callee hangs up first', async () => {
    const fake = fakeTwilio();
    fake.phone(A).answers({ press: '1', talkSec: 30 });
    const call = await fake.call({ from: CALLER, firstToHangUp: 'callee' });
    expect(call.requestsTo('/twilio/voice/dialled')[0]!.params.CallStatus).toBe('in-progress');
    expect(call.heard('caller')).toEqual(['Permanentie noodopvang.', 'Tot ziens.']);
    expect(call.durationSec).toBeGreaterThan(30);
  });

  it('moves on when the first number is busy', async () => {
    const fake = fakeTwilio();
    fake.phone(A).isBusy();
    fake.phone(B).answers({ press: '1' });
    const call = await fake.call({ from: CALLER });
    expect(outcomes(call)).toEqual(['busy', 'accepted']);
    expect(call.requestsTo('/twilio/voice/dialled').map((r) => r.params.DialCallStatus)).toEqual(['busy', 'completed']);
  });

  it('treats a pick-up without a key (personal voicemail) as not accepted: DialCallStatus completed, next number', async () => {
    const fake = fakeTwilio();
    fake.phone(A).answers({ press: null });
    fake.phone(B).answers({ press: '1' });
    const call = await fake.call({ from: CALLER });
    expect(outcomes(call)).toEqual(['completed-no-key', 'accepted']);
    expect(call.requestsTo('/twilio/voice/dialled')[0]!.params.DialCallStatus).toBe('completed');
    expect(call.requestsTo('/twilio/voice/screened').map((r) => r.params.To)).toEqual([B]);
    expect(call.transcript).toContainEqual({ type: 'gather', leg: 'child', digits: null });
  });

  it('records a voicemail when nobody answers, and posts the Record action', async () => {
    const fake = fakeTwilio();
    fake.phone(A).doesNotAnswer();
    fake.phone(B).fails(); // C is not set up: does not answer
    const call = await fake.call({ from: CALLER, voicemail: { durationSec: 12 } });
    expect(outcomes(call)).toEqual(['no-answer', 'failed', 'no-answer']);
    expect(call.dialled[2]!.configured).toBe(false);
    const [rec] = call.requestsTo('/twilio/voice/recorded');
    expect(rec!.params).toMatchObject({ RecordingDuration: '12', Digits: '#', RecordingSid: call.recording!.sid });
    expect(rec!.params.RecordingUrl).toMatch(
      new RegExp(`^https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE[0-9a-f]{32}$`),
    );
    expect(call.heard('caller').slice(-2)).toEqual(['Spreek een bericht in.', 'Dank u.']);
  });

  it('ends the call without a Record action when the caller hangs up at the beep', async () => {
    const fake = fakeTwilio();
    for (const n of CHAIN) fake.phone(n).doesNotAnswer();
    const call = await fake.call({ from: CALLER, voicemail: null });
    expect(call.requestsTo('/twilio/voice/recorded')).toEqual([]);
    expect(call.recording).toBeUndefined();
    expect(call.transcript.filter((e) => e.type === 'hangup')).toEqual([
      { type: 'hangup', leg: 'parent', by: 'caller' },
    ]);
    expect(call.requestsTo('/twilio/voice/status')[0]!.params.CallStatus).toBe('completed');
  });

  it('follows <Redirect> and parent <Gather>, resolving relative URLs against the current document', async () => {
    const fake = fakeTwilio({ voiceUrl: '/twilio/menu/start' });
    const call = await fake.call({ from: CALLER, digits: '2' });
    expect(call.requests.map((r) => r.url.slice(PUBLIC.length))).toEqual([
      '/twilio/menu/start',
      '/twilio/menu/options?lang=nl',
      '/twilio/menu/choice',
      '/twilio/voice/status',
    ]);
    expect(call.heard('caller')).toEqual(['Kies 1 of 2.', 'Keuze 2']);
    const silent = await fake.call({ from: CALLER });
    expect(silent.heard('caller')).toEqual(['Kies 1 of 2.', 'Geen keuze.']);
  });
});

describe('FakeTwilio SMS', () => {
  it('posts the Messaging URL and reads the <Message> replies', async () => {
    const res = await fakeTwilio().sms({ from: CALLER, body: 'Hallo' });
    expect(res.status).toBe(200);
    expect(res.replies).toEqual(['Ontvangen: Hallo']);
    expect(res.request.params).toMatchObject({
      MessageSid: res.messageSid,
      AccountSid: ACCOUNT,
      From: CALLER,
      To: DESK,
      Body: 'Hallo',
      NumMedia: '0',
    });
    expect(res.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
  });
});
