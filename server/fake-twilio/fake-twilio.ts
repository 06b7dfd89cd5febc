// A fake Twilio voice/SMS network for tests: it calls the app's /twilio/* webhooks over real HTTP,
// signed with the real algorithm over the PUBLIC url, and plays out the TwiML it gets back.
// See README.md in this folder for what it simulates and what it does not.
import { CallRun } from './call';
import type { VoiceConfig } from './params';
import { PhoneBook, PhoneSetup } from './phones';
import { Http, type SendOptions } from './signing';
import { type MessageRef, sendMessageStatus, sendSms, type SmsOptions, type SmsResult } from './sms';
import type { CallOptions, FakeCall, Params, SentRequest } from './types';

export interface FakeTwilioOptions {
  /** Where requests really go, e.g. http://127.0.0.1:PORT (same path and query as the public URL). */
  baseUrl: string;
  /** The URL prefix Twilio "sees" and signs, e.g. https://desk.example.be. */
  publicUrl: string;
  authToken: string;
  accountSid: string;
  /** The Twilio number callers dial (To of calls and SMS). */
  phoneNumber: string;
  /** Voice URL of the number (default '/twilio/voice'), relative to publicUrl or absolute. */
  voiceUrl?: string;
  /** Voice Fallback URL, fetched (with ErrorCode, ErrorUrl) when the Voice URL fails; may be a twimlBins key. */
  voiceFallbackUrl?: string | null;
  /** Status callback of the number (default '/twilio/voice/status'); null: none. */
  statusCallbackUrl?: string | null;
  /** Messaging URL (default '/twilio/sms'). */
  smsUrl?: string;
  /** Also send 'ringing' and 'in-progress' status callbacks (default: only the final one). */
  progressCallbacks?: boolean;
  /** Send each call's status callbacks at its end, in reverse order (SequenceNumber tells the truth). */
  shuffleStatusCallbacks?: boolean;
  /** How long Twilio waits for TwiML (default 15000 ms). */
  requestTimeoutMs?: number;
  /** Loop guard: TwiML requests per call (default 50). */
  maxRequestsPerCall?: number;
  /** Absolute URLs answered with static TwiML without HTTP, like a TwiML Bin. */
  twimlBins?: Record<string, string>;
  /** Extra headers on every request (e.g. X-Forwarded-Proto to mimic a proxy). */
  headers?: Record<string, string>;
}

export interface SendSignedOptions {
  method?: 'GET' | 'POST';
  /** Header value to send instead of the real signature; null: no X-Twilio-Signature header. */
  signatureOverride?: string | null;
  /** Sign with this auth token instead (a forged or rotated key). */
  tokenOverride?: string;
}

export class FakeTwilio {
  /** Every HTTP request the fake sent, in order, with its signature and answer. */
  readonly requests: SentRequest[];
  /** Every finished call, in order. */
  readonly calls: FakeCall[] = [];
  readonly config: VoiceConfig & { smsUrl: string };
  private readonly http: Http;
  private readonly phones = new PhoneBook();

  constructor(readonly options: FakeTwilioOptions) {
    this.http = new Http({
      baseUrl: options.baseUrl,
      publicUrl: options.publicUrl,
      authToken: options.authToken,
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      twimlBins: options.twimlBins ?? {},
      headers: options.headers ?? {},
    });
    this.requests = this.http.log;
    this.config = {
      accountSid: options.accountSid,
      phoneNumber: options.phoneNumber,
      voiceUrl: options.voiceUrl ?? '/twilio/voice',
      voiceFallbackUrl: options.voiceFallbackUrl ?? null,
      statusCallbackUrl: options.statusCallbackUrl === undefined ? '/twilio/voice/status' : options.statusCallbackUrl,
      smsUrl: options.smsUrl ?? '/twilio/sms',
      progressCallbacks: options.progressCallbacks ?? false,
      shuffleStatusCallbacks: options.shuffleStatusCallbacks ?? false,
      maxRequestsPerCall: options.maxRequestsPerCall ?? 50,
    };
  }

  /** How a number behaves when a <Dial> rings it: .answers({ press }), .isBusy(), .doesNotAnswer(), .fails(). */
  phone(number: string): PhoneSetup {
    return new PhoneSetup(this.phones, number);
  }

  /** Places an inbound call to the Voice URL and follows it to the end. */
  async call(opts: CallOptions): Promise<FakeCall> {
    const call = await new CallRun({ config: this.config, http: this.http, phones: this.phones }, opts).start();
    this.calls.push(call);
    return call;
  }

  /** Delivers an incoming SMS to the Messaging URL; returns the answer and its <Message> replies. */
  sms(opts: SmsOptions): Promise<SmsResult> {
    return sendSms(
      this.http,
      { accountSid: this.config.accountSid, phoneNumber: this.config.phoneNumber, smsUrl: this.config.smsUrl },
      opts,
    );
  }

  /** Posts an SMS status callback for a message the app sent (e.g. one captured by twilioRest()). */
  messageStatus(
    msg: MessageRef,
    status: string,
    opts: { errorCode?: string | number; url?: string } = {},
  ): Promise<SentRequest> {
    return sendMessageStatus(this.http, this.config.accountSid, msg, status, opts.errorCode, opts.url);
  }

  /** A raw signed POST (or GET) to a path or URL: for forged, unsigned or hand-made requests. */
  sendSigned(path: string, params: Params, opts: SendSignedOptions = {}): Promise<SentRequest> {
    const send: SendOptions = {
      ...(opts.method ? { method: opts.method } : {}),
      ...(opts.tokenOverride ? { token: opts.tokenOverride } : {}),
      ...(opts.signatureOverride !== undefined ? { signatureOverride: opts.signatureOverride } : {}),
    };
    return this.http.send(path, params, send);
  }

  /** Forgets requests, calls and phone set-ups. */
  reset(): void {
    this.requests.length = 0;
    this.calls.length = 0;
    this.phones.clear();
  }
}
