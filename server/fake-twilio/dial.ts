// <Dial> on the caller's leg: ring every <Number> at once; the FIRST TO PICK UP wins and the others are
// hung up (Twilio's documented rule, screening or not); the winner's <Number url> TwiML runs on the child
// leg, and the legs are bridged only if that TwiML ends without hanging up. Then the Dial action.
import type { CallRun } from './call';
import { childParams, type Leg } from './params';
import { normalizeNumber, type PhoneBehaviour } from './phones';
import { sid } from './signing';
import { methodOf, num, type TwimlNode } from './twiml';
import type { DialCallStatus, DialOutcome, Params, RunEnd } from './types';

interface Target {
  number: string;
  attrs: Record<string, string>;
  sid: string;
  callerId: string;
  behaviour: PhoneBehaviour;
  configured: boolean;
  outcome: DialOutcome;
  answered: boolean;
  /** Simulated seconds the child leg was up (screening + conversation). */
  childSec: number;
}

const legParams = (run: CallRun, t: Target): Params =>
  childParams(run.ctx.config.accountSid, t.sid, run.sid, t.callerId, t.number);

export async function runDial(run: CallRun, dial: TwimlNode, docUrl: string): Promise<RunEnd | null> {
  const a = dial.attrs;
  for (const other of dial.children.filter((c) => c.name !== 'Number')) {
    run.push({
      type: 'error',
      leg: 'parent',
      code: 12200,
      message: `the fake does not simulate <Dial><${other.name}>`,
    });
  }
  const nouns = dial.children.filter((c) => c.name === 'Number');
  const raw = nouns.length
    ? nouns.map((n) => ({ number: n.text, attrs: n.attrs }))
    : dial.text
      ? [{ number: dial.text, attrs: {} }]
      : [];
  const timeout = num(a.timeout, 30);
  // Without callerId, the dialled phone sees the inbound caller's number (Twilio's default).
  const callerId = a.callerId ?? run.opts.from;
  const targets: Target[] = raw.slice(0, 10).map((t) => {
    const p = run.ctx.phones.get(t.number);
    return {
      number: normalizeNumber(t.number),
      attrs: t.attrs,
      sid: sid('CA'),
      callerId,
      behaviour: p.behaviour,
      configured: p.configured,
      outcome: 'no-answer',
      answered: false,
      childSec: 0,
    };
  });
  run.push({ type: 'dial', numbers: targets.map((t) => t.number), timeout, callerId });
  if (!targets.length) {
    run.push({ type: 'error', leg: 'parent', code: 13223, message: '<Dial> without a number' });
    return null;
  }
  const afterMs = (t: Target) => (t.behaviour.kind === 'answers' ? t.behaviour.afterMs : Infinity);
  const winner = targets
    .filter((t) => t.behaviour.kind === 'answers' && t.behaviour.ringSec < timeout)
    .sort((x, y) => afterMs(x) - afterMs(y))[0];
  for (const t of targets) {
    const k = t.behaviour.kind;
    t.outcome = k === 'busy' ? 'busy' : k === 'fails' ? 'failed' : winner ? 'canceled' : 'no-answer';
  }
  let bridged = false;
  if (winner?.behaviour.kind === 'answers') {
    const b = winner.behaviour;
    if (await run.wait(b.afterMs)) {
      run.clock += b.ringSec;
      winner.answered = true;
      run.push({ type: 'pickup', number: winner.number, dialCallSid: winner.sid });
      const start = run.clock;
      winner.outcome = await screen(run, winner, docUrl);
      bridged = winner.outcome === 'accepted';
      if (bridged) run.clock += b.talkSec;
      winner.childSec = run.clock - start;
    }
  } else {
    run.clock += targets.some((t) => t.outcome === 'no-answer') ? timeout : 1;
  }
  const status: DialCallStatus = winner?.answered
    ? 'completed'
    : run.isCallerGone()
      ? 'canceled'
      : ((['no-answer', 'busy', 'failed'] as const).find((s) => targets.some((t) => t.outcome === s)) ?? 'failed');
  const dialCallSid = (winner ?? targets[0]!).sid;
  const durationSec = winner?.answered ? Math.max(1, Math.round(winner.childSec)) : 0;
  for (const t of targets) {
    run.push({ type: 'ring', number: t.number, outcome: t.outcome, dialCallSid: t.sid, configured: t.configured });
    run.dialled.push({ number: t.number, outcome: t.outcome, dialCallSid: t.sid, configured: t.configured });
  }
  run.push({ type: 'dial-end', status, dialCallSid, durationSec, bridged });
  await childCallbacks(run, targets, docUrl);

  const params: Params = { DialCallStatus: status, DialCallSid: dialCallSid, DialCallDuration: String(durationSec) };
  const action = a.action ? run.ctx.http.resolve(a.action, docUrl) : null;
  if (bridged && run.opts.firstToHangUp !== 'callee') run.callerHangsUp();
  if (run.isCallerGone()) {
    // After a conversation Twilio still reports the Dial to its action, with nobody left to hear the TwiML.
    if (action && bridged) await run.fetch(run.parent, action, params, 'dial-action', methodOf(a), true);
    return 'caller-gone';
  }
  if (action) return run.follow(run.parent, action, params, 'dial-action', methodOf(a));
  return null; // no action: Twilio continues with the verbs after <Dial>
}

/** Runs the <Number url> TwiML on the child leg; the callee presses its configured keys at each <Gather>. */
async function screen(run: CallRun, t: Target, docUrl: string): Promise<DialOutcome> {
  if (!t.attrs.url) return 'accepted';
  const press = t.behaviour.kind === 'answers' ? t.behaviour.press : null;
  const child: Leg = {
    kind: 'child',
    sid: t.sid,
    listener: 'callee',
    number: t.number,
    params: () => legParams(run, t),
    nextDigits: () => press,
  };
  const end = await run.follow(child, run.ctx.http.resolve(t.attrs.url, docUrl), {}, 'screen', methodOf(t.attrs));
  return end === 'end'
    ? 'accepted'
    : end === 'caller-gone'
      ? 'canceled'
      : end === 'error'
        ? 'screening-error'
        : 'completed-no-key';
}

/** <Number statusCallback statusCallbackEvent>: the child leg's progress, sent when the Dial ends. */
async function childCallbacks(run: CallRun, targets: Target[], docUrl: string): Promise<void> {
  for (const t of targets) {
    if (!t.attrs.statusCallback) continue;
    const events = (t.attrs.statusCallbackEvent ?? 'completed').split(/[\s,]+/);
    const final = t.answered ? 'completed' : t.outcome;
    const steps = [
      ['initiated', 'initiated'],
      ['ringing', 'ringing'],
      ['answered', 'in-progress'],
      ['completed', final],
    ].filter(
      ([ev]) => events.includes(ev!) && (ev !== 'answered' || t.answered) && (ev !== 'ringing' || final !== 'failed'),
    );
    let seq = 0;
    for (const [, status] of steps) {
      const isFinal = status === final;
      await run.notify(
        run.ctx.http.resolve(t.attrs.statusCallback, docUrl),
        {
          ...legParams(run, t),
          CallStatus: status!,
          SequenceNumber: String(seq),
          Timestamp: new Date().toUTCString(),
          CallbackSource: 'call-progress-events',
          ...(isFinal ? { CallDuration: String(Math.round(t.childSec)) } : {}),
        },
        t.sid,
        status!,
        seq++,
      );
    }
  }
}
