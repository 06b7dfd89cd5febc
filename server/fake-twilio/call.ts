// One inbound call through the fake network: fetch TwiML, run its verbs in order, follow actions and
// redirects, send status callbacks. <Dial> lives in dial.ts, <Record> in record.ts, <Gather> in gather.ts.
import { runDial } from './dial';
import { gather } from './gather';
import { normalizeNumber } from './phones';
import { inboundParams, type Leg, type VoiceContext } from './params';
import { record } from './record';
import { sid, twimlProblem } from './signing';
import { deepText, methodOf, num, parseTwiml, speechSeconds, type TwimlNode } from './twiml';
import type {
  CallOptions,
  CallStatus,
  DialledLeg,
  FakeCall,
  Params,
  Recording,
  RunEnd,
  SentRequest,
  TranscriptEvent,
} from './types';

const SIP: Record<string, string> = { completed: '200', busy: '486', 'no-answer': '487', failed: '500' };

export class CallRun {
  readonly sid = sid('CA');
  readonly transcript: TranscriptEvent[] = [];
  readonly dialled: DialledLeg[] = [];
  readonly requests: SentRequest[] = [];
  readonly parent: Leg;
  readonly to: string;
  recording?: Recording;
  /** Simulated seconds since the call started. */
  clock = 0;
  status: CallStatus = 'ringing';
  private answered = false;
  private gone = false;
  private fetches = 0;
  private seq = 0;
  private rejectReason: string | null = null;
  private readonly pending: Params[] = [];
  private readonly started = Date.now();
  private readonly digits: (string | null)[];

  constructor(
    readonly ctx: VoiceContext,
    readonly opts: CallOptions,
  ) {
    this.to = opts.to ?? ctx.config.phoneNumber;
    this.digits = typeof opts.digits === 'string' ? [opts.digits] : [...(opts.digits ?? [])];
    this.parent = {
      kind: 'parent',
      sid: this.sid,
      listener: 'caller',
      params: () => this.parentParams(),
      nextDigits: () => this.digits.shift() ?? null,
    };
  }

  parentParams(): Params {
    const status = this.gone ? 'completed' : this.answered ? 'in-progress' : 'ringing';
    return inboundParams(this.ctx.config.accountSid, this.sid, this.opts.from, this.to, status);
  }

  push(e: TranscriptEvent): void {
    this.transcript.push(e);
  }

  /** True once the caller has hung up (callerHangsUpAfterMs elapsed, hung up at <Record>, or after the conversation). */
  isCallerGone(): boolean {
    const ms = this.opts.callerHangsUpAfterMs;
    if (!this.gone && ms !== undefined && Date.now() - this.started >= ms) this.callerHangsUp();
    return this.gone;
  }

  callerHangsUp(): void {
    if (this.gone) return;
    this.gone = true;
    this.push({ type: 'hangup', leg: 'parent', by: 'caller' });
  }

  /** Waits ms of wall-clock time, or less if the caller hangs up first; true if the caller is still there. */
  async wait(ms: number): Promise<boolean> {
    const limit = this.opts.callerHangsUpAfterMs;
    const left = limit === undefined ? Infinity : Math.max(0, limit - (Date.now() - this.started));
    const t = Math.min(ms, left);
    if (t > 0 && t !== Infinity) await new Promise((r) => setTimeout(r, t));
    return !this.isCallerGone();
  }

  /** Requests TwiML; on any failure records it (and Twilio's error) and returns null. `ignored`: the TwiML will not be run. */
  async fetch(
    leg: Leg,
    url: string,
    extra: Params,
    purpose: string,
    method: 'GET' | 'POST' = 'POST',
    ignored = false,
  ): Promise<TwimlNode | null> {
    if (++this.fetches > this.ctx.config.maxRequestsPerCall) {
      this.push({
        type: 'error',
        leg: leg.kind,
        code: 0,
        message: `loop guard: more than ${this.ctx.config.maxRequestsPerCall} requests in one call`,
      });
      return null;
    }
    const req = await this.ctx.http.send(url, { ...leg.params(), ...extra }, { method, callSid: leg.sid });
    this.requests.push(req);
    const ev: TranscriptEvent & { type: 'request' } = {
      type: 'request',
      leg: leg.kind,
      purpose,
      method,
      path: req.path,
      url: req.url,
      params: req.params,
      status: req.status,
      ...(req.body && /xml/i.test(req.contentType ?? '') ? { twiml: req.body } : {}),
      ...(ignored ? { ignored } : {}),
    };
    this.push(ev);
    let error = twimlProblem(req);
    let doc: TwimlNode | null = null;
    if (!error) {
      try {
        doc = parseTwiml(req.body);
      } catch (e) {
        error = { code: 12100, kind: 'parse', message: (e as Error).message };
      }
    }
    if (error) {
      ev.error = req.error = error;
      this.push({
        type: 'error',
        leg: leg.kind,
        code: error.code,
        message: `${purpose} ${req.path}: ${error.message}`,
      });
    }
    return doc;
  }

  /** Fetches a document and runs it on the leg (Twilio replaces the current document). */
  async follow(
    leg: Leg,
    url: string,
    extra: Params,
    purpose: string,
    method: 'GET' | 'POST' = 'POST',
  ): Promise<RunEnd> {
    const doc = await this.fetch(leg, url, extra, purpose, method);
    return doc ? this.run(leg, doc.children, url) : this.appError(leg);
  }

  appError(leg: Leg): RunEnd {
    this.push({
      type: 'say',
      leg: leg.kind,
      heardBy: leg.listener,
      text: 'We are sorry, an application error has occurred. Goodbye.',
      byTwilio: true,
    });
    this.push({ type: 'hangup', leg: leg.kind, by: 'error' });
    return 'error';
  }

  say(leg: Leg, n: TwimlNode): void {
    const text = deepText(n);
    this.push({
      type: 'say',
      leg: leg.kind,
      heardBy: leg.listener,
      ...(leg.number ? { number: leg.number } : {}),
      text,
      language: n.attrs.language,
      voice: n.attrs.voice,
    });
    this.clock += speechSeconds(text);
  }

  /** Runs verbs in order; returns how the document ended ('end' = ran out of verbs). */
  async run(leg: Leg, verbs: TwimlNode[], docUrl: string): Promise<RunEnd> {
    for (const v of verbs) {
      if (this.isCallerGone()) return 'caller-gone';
      const a = v.attrs;
      let end: RunEnd | null = null;
      if (v.name === 'Say') this.say(leg, v);
      else if (v.name === 'Play') {
        this.push({ type: 'play', leg: leg.kind, heardBy: leg.listener, url: v.text });
        this.clock += 5;
      } else if (v.name === 'Pause') {
        this.push({ type: 'pause', leg: leg.kind, seconds: num(a.length, 1) });
        this.clock += num(a.length, 1);
      } else if (v.name === 'Hangup') {
        this.push({ type: 'hangup', leg: leg.kind, by: 'twiml' });
        return 'hangup';
      } else if (v.name === 'Reject') {
        this.rejectReason = a.reason ?? 'rejected';
        this.push({ type: 'reject', reason: this.rejectReason });
        return 'rejected';
      } else if (v.name === 'Redirect') {
        const url = this.ctx.http.resolve(v.text, docUrl);
        this.push({ type: 'redirect', leg: leg.kind, url });
        return this.follow(leg, url, {}, 'redirect', methodOf(a));
      } else if (v.name === 'Gather') end = await gather(this, leg, v, docUrl);
      else if (v.name === 'Record' && leg.kind === 'parent') end = await record(this, v, docUrl);
      else if (v.name === 'Dial' && leg.kind === 'parent') end = await runDial(this, v, docUrl);
      else
        this.push({
          type: 'error',
          leg: leg.kind,
          code: 12200,
          message: `the fake does not simulate <${v.name}> on a ${leg.kind} leg`,
        });
      if (end) return end;
    }
    return 'end';
  }

  /** Posts a callback (call status, child status, recording status) and records it. */
  async notify(url: string, params: Params, callSid: string, status: string, sequence: number): Promise<void> {
    const req = await this.ctx.http.send(url, params, { callSid });
    this.requests.push(req);
    this.push({ type: 'status-callback', callSid, status, sequence, httpStatus: req.status });
  }

  private async statusCallback(status: string, durationSec?: number): Promise<void> {
    if (!this.ctx.config.statusCallbackUrl) return;
    const params: Params = {
      ...this.parentParams(),
      CallStatus: status,
      SequenceNumber: String(this.seq++),
      Timestamp: new Date().toUTCString(),
      CallbackSource: 'call-progress-events',
      ...(durationSec !== undefined
        ? { CallDuration: String(Math.round(durationSec)), SipResponseCode: SIP[status] ?? '200' }
        : {}),
    };
    if (this.ctx.config.shuffleStatusCallbacks) this.pending.push(params);
    else await this.notify(this.ctx.config.statusCallbackUrl, params, this.sid, status, Number(params.SequenceNumber));
  }

  async start(): Promise<FakeCall> {
    const { config, http } = this.ctx;
    if (config.progressCallbacks) await this.statusCallback('ringing');
    const voiceUrl = http.resolve(config.voiceUrl);
    let docUrl = voiceUrl;
    let doc = await this.fetch(this.parent, voiceUrl, {}, 'voice');
    if (!doc && config.voiceFallbackUrl) {
      const failed = this.transcript.findLast((e) => e.type === 'request');
      docUrl = http.resolve(config.voiceFallbackUrl);
      const code = failed?.type === 'request' ? String(failed.error?.code ?? 11200) : '11200';
      doc = await this.fetch(this.parent, docUrl, { ErrorCode: code, ErrorUrl: voiceUrl }, 'fallback');
    }
    const rejectedUnanswered = doc?.children[0]?.name === 'Reject';
    this.answered = !rejectedUnanswered;
    if (this.answered && config.progressCallbacks) await this.statusCallback('in-progress');
    const end = doc ? await this.run(this.parent, doc.children, docUrl) : this.appError(this.parent);
    if (end === 'end') this.push({ type: 'hangup', leg: 'parent', by: 'end-of-twiml' });
    this.status = rejectedUnanswered ? (this.rejectReason === 'busy' ? 'busy' : 'no-answer') : 'completed';
    this.gone = true;
    await this.statusCallback(this.status, rejectedUnanswered ? 0 : this.clock);
    for (const p of this.pending.reverse())
      await this.notify(config.statusCallbackUrl!, p, this.sid, p.CallStatus!, Number(p.SequenceNumber));
    return this.result();
  }

  result(): FakeCall {
    const says = this.transcript.flatMap((e) => (e.type === 'say' ? [e] : []));
    return {
      sid: this.sid,
      from: this.opts.from,
      to: this.to,
      status: this.status,
      durationSec: Math.round(this.clock),
      transcript: this.transcript,
      dialled: this.dialled,
      requests: this.requests,
      ...(this.recording ? { recording: this.recording } : {}),
      heard: (by) =>
        says.filter((s) => by === undefined || s.heardBy === by || s.number === normalizeNumber(by)).map((s) => s.text),
      requestsTo: (path) => this.requests.filter((r) => r.path === path),
    };
  }
}
