// <Record> on the caller's leg: the caller leaves a message (CallOptions.voicemail) or hangs up at the beep.
import type { CallRun } from './call';
import { sid } from './signing';
import { methodOf, num, type TwimlNode } from './twiml';
import type { Params, RunEnd } from './types';

/** Returns how the call continues: null = go on with the next verb (empty recording). */
export async function record(run: CallRun, v: TwimlNode, docUrl: string): Promise<RunEnd | null> {
  const a = v.attrs;
  const beep = a.playBeep !== 'false';
  const vm = run.opts.voicemail;
  if (!vm) {
    // Hung up at the beep: nothing recorded, so Twilio requests no action; the call is over.
    run.push({ type: 'record', beep, durationSec: null, endedBy: 'hangup' });
    run.callerHangsUp();
    return 'caller-gone';
  }
  const maxLength = num(a.maxLength, 3600);
  const durationSec = Math.min(vm.durationSec, maxLength);
  if (durationSec <= 0) {
    // Silence until the timeout: Twilio skips the action and continues with the next verb.
    run.push({ type: 'record', beep, durationSec: 0 });
    run.clock += num(a.timeout, 5);
    return null;
  }
  const finishOnKey = a.finishOnKey ?? '1234567890*#';
  const endedBy =
    durationSec >= maxLength ? 'max-length' : (vm.endWith ?? (finishOnKey.includes('#') ? '#' : 'hangup'));
  const recordingSid = sid('RE');
  const url = `https://api.twilio.com/2010-04-01/Accounts/${run.ctx.config.accountSid}/Recordings/${recordingSid}`;
  run.recording = { url, sid: recordingSid, durationSec };
  run.clock += durationSec;
  run.push({ type: 'record', beep, durationSec, recordingSid, endedBy });
  const params: Params = {
    RecordingUrl: url,
    RecordingSid: recordingSid,
    RecordingDuration: String(durationSec),
    ...(endedBy === 'max-length' ? {} : { Digits: endedBy }),
  };
  // Without action, Twilio requests the current document's URL.
  const action = run.ctx.http.resolve(a.action ?? docUrl, docUrl);
  let end: RunEnd;
  if (endedBy === 'hangup') {
    run.callerHangsUp(); // Twilio still posts the action (CallStatus=completed) but has nobody to play its TwiML to
    await run.fetch(run.parent, action, params, 'record-action', methodOf(a), true);
    end = 'caller-gone';
  } else {
    end = await run.follow(run.parent, action, params, 'record-action', methodOf(a));
  }
  if (a.recordingStatusCallback) {
    await run.notify(
      run.ctx.http.resolve(a.recordingStatusCallback, docUrl),
      {
        AccountSid: run.ctx.config.accountSid,
        CallSid: run.sid,
        RecordingSid: recordingSid,
        RecordingUrl: url,
        RecordingStatus: 'completed',
        RecordingDuration: String(durationSec),
        RecordingChannels: '1',
        RecordingSource: 'RecordVerb',
      },
      run.sid,
      'recording-completed',
      0,
    );
  }
  return end;
}
