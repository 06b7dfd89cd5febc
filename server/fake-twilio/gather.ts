// <Gather> (DTMF only): plays its nested <Say>/<Play>/<Pause>, then takes the leg's next keys: the caller's
// CallOptions.digits on the parent leg, the phone's `press` on a screening (child) leg.
import type { CallRun } from './call';
import type { Leg } from './params';
import { methodOf, num, type TwimlNode } from './twiml';
import type { RunEnd } from './types';

export async function gather(run: CallRun, leg: Leg, g: TwimlNode, docUrl: string): Promise<RunEnd | null> {
  const a = g.attrs;
  for (const c of g.children)
    if (c.name === 'Say' || c.name === 'Play' || c.name === 'Pause') await run.run(leg, [c], docUrl);
  if (run.isCallerGone()) return 'caller-gone';
  const action = run.ctx.http.resolve(a.action ?? docUrl, docUrl);
  const pressed = leg.nextDigits();
  if (!pressed) {
    run.clock += num(a.timeout, 5);
    run.push({ type: 'gather', leg: leg.kind, digits: null });
    if (a.actionOnEmptyResult === 'true') return run.follow(leg, action, { Digits: '' }, 'gather', methodOf(a));
    return null; // no input: Twilio continues with the verb after <Gather>
  }
  const finishOnKey = a.finishOnKey ?? '#';
  let digits = pressed;
  let finished = '';
  if (finishOnKey && finishOnKey.includes(digits.slice(-1))) {
    finished = digits.slice(-1);
    digits = digits.slice(0, -1);
  }
  const max = num(a.numDigits, Infinity);
  if (digits.length > max) {
    digits = digits.slice(0, max);
    finished = '';
  }
  run.clock += digits.length + 1;
  run.push({ type: 'gather', leg: leg.kind, digits, ...(finished ? { finishedOnKey: finished } : {}) });
  return run.follow(leg, action, { Digits: digits, FinishedOnKey: finished }, 'gather', methodOf(a));
}
