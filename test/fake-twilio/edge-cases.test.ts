// The fake Twilio network at the edges: simultaneous ringing, a caller who hangs up, slow or broken
// webhooks and the fallback, out-of-order status callbacks, <Reject>, loops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, C, CALLER, PUBLIC, startToyServer, type ToyServer } from './toy-app';

let toy: ToyServer;
beforeAll(async () => {
  toy = await startToyServer();
});
afterAll(() => toy.close());
const fakeTwilio: ToyServer['fake'] = (o) => toy.fake(o);
const outcomes = (call: { dialled: { outcome: string }[] }) => call.dialled.map((d) => d.outcome);

describe('FakeTwilio edge cases', () => {
  it('connects the first phone to PICK UP when several ring at once, even if it then presses nothing', async () => {
    const fake = fakeTwilio({ voiceUrl: '/twilio/ring-all' });
    fake.phone(A).answers({ press: null });
    fake.phone(B).answers({ press: '1', afterMs: 30 });
    const call = await fake.call({ from: CALLER });
    expect(outcomes(call)).toEqual(['completed-no-key', 'canceled']);
    expect(call.heard('caller')).toEqual(['Niemand.']);
  });

  it('stops when the caller hangs up while it rings', async () => {
    const fake = fakeTwilio();
    // The hang-up comes after the first webhook has answered (800 ms leaves room for a loaded machine) and
    // long before the phone would answer (8 s): the call must end with the hang-up, not with the answer.
    fake.phone(A).answers({ press: '1', afterMs: 8000 });
    const started = Date.now();
    const call = await fake.call({ from: CALLER, callerHangsUpAfterMs: 800 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(outcomes(call)).toEqual(['canceled']);
    expect(call.requests.map((r) => r.path)).toEqual(['/twilio/voice', '/twilio/voice/status']);
  });

  it('times out a slow webhook and fetches the fallback (a TwiML Bin)', async () => {
    const bin = 'https://handler.twilio.com/twiml/EH0001';
    const fake = fakeTwilio({
      voiceUrl: '/twilio/slow',
      requestTimeoutMs: 150,
      voiceFallbackUrl: bin,
      twimlBins: { [bin]: `<Response><Dial><Number>${C}</Number></Dial></Response>` },
    });
    fake.phone(C).answers({ press: null });
    const call = await fake.call({ from: CALLER });
    expect(call.requests[0]!.error).toMatchObject({ kind: 'timeout', code: 11205 });
    expect(call.requests[1]).toMatchObject({
      sentTo: 'twiml-bin',
      params: { ErrorCode: '11205', ErrorUrl: `${PUBLIC}/twilio/slow` },
    });
    expect(outcomes(call)).toEqual(['accepted']);
    const noFallback = await fakeTwilio({ voiceUrl: '/twilio/slow', requestTimeoutMs: 150 }).call({ from: CALLER });
    expect(noFallback.heard('caller')).toEqual(['We are sorry, an application error has occurred. Goodbye.']);
  });

  it('reports status callbacks out of order when asked, with SequenceNumber', async () => {
    const fake = fakeTwilio({ progressCallbacks: true, shuffleStatusCallbacks: true });
    fake.phone(A).answers({ press: '1' });
    const call = await fake.call({ from: CALLER });
    expect(
      call.requestsTo('/twilio/voice/status').map((r) => `${r.params.SequenceNumber}:${r.params.CallStatus}`),
    ).toEqual(['2:completed', '1:in-progress', '0:ringing']);
  });

  it('guards against redirect loops', async () => {
    const call = await fakeTwilio({ voiceUrl: '/twilio/loop', maxRequestsPerCall: 5 }).call({ from: CALLER });
    expect(call.requestsTo('/twilio/loop')).toHaveLength(5);
    expect(call.transcript).toContainEqual(
      expect.objectContaining({ type: 'error', message: expect.stringMatching(/loop guard/) }),
    );
  });

  it('reports the child legs to <Number statusCallback>', async () => {
    const fake = fakeTwilio({ voiceUrl: '/twilio/ring-all' });
    fake.phone(A).answers({ press: '1' });
    fake.phone(B).isBusy();
    const call = await fake.call({ from: CALLER });
    const legs = call
      .requestsTo('/twilio/voice/leg-status')
      .map((r) => `${r.params.To} ${r.params.SequenceNumber}:${r.params.CallStatus}`);
    expect(legs).toEqual([
      `${A} 0:initiated`,
      `${A} 1:ringing`,
      `${A} 2:in-progress`,
      `${A} 3:completed`,
      `${B} 0:initiated`,
      `${B} 1:ringing`,
      `${B} 2:busy`,
    ]);
    expect(call.requestsTo('/twilio/voice/leg-status')[0]!.params.ParentCallSid).toBe(call.sid);
  });

  it('rejects without answering: status busy, no duration', async () => {
    const call = await fakeTwilio({ voiceUrl: '/twilio/reject' }).call({ from: CALLER });
    expect(call.status).toBe('busy');
    expect(call.requestsTo('/twilio/voice/status')[0]!.params).toMatchObject({ CallStatus: 'busy', CallDuration: '0' });
  });

  it('refuses TwiML served with the wrong content type (Twilio error 12300)', async () => {
    const call = await fakeTwilio({ voiceUrl: '/twilio/html' }).call({ from: CALLER });
    expect(call.requests[0]!.error).toMatchObject({ code: 12300, kind: 'content-type' });
    expect(call.transcript.at(-2)).toEqual({ type: 'hangup', leg: 'parent', by: 'error' });
  });
});
