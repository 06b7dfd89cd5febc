// The vocabulary of the fake Twilio network: what a test configures and what it gets back.

export type Params = Record<string, string>;
export type LegKind = 'parent' | 'child';
/** Who hears a <Say>/<Play>: the caller on the parent leg, the dialled person on a child leg. */
export type Listener = 'caller' | 'callee';
/** How a dialled <Number> ended, as the fake saw it (richer than Twilio's DialCallStatus). */
export type DialOutcome =
  | 'accepted' // bridged with the caller (screening TwiML ended without hanging up, or no screening)
  | 'completed-no-key' // picked up, but the screening TwiML hung up (no key, wrong key): not bridged
  | 'screening-error' // picked up, but the screening request failed (timeout, 500, bad TwiML)
  | 'no-answer'
  | 'busy'
  | 'failed'
  | 'canceled'; // was still ringing when someone else picked up, or the caller hung up
export type DialCallStatus = 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';
export type CallStatus = 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed';
/** How a TwiML document run ended. */
export type RunEnd = 'hangup' | 'end' | 'caller-gone' | 'error' | 'rejected';

export interface RequestError {
  /** Twilio debugger code: 11200 HTTP retrieval failure, 11205 connection/timeout, 11210 bad host, 12100 parse, 12300 content-type. */
  code: number;
  kind: 'timeout' | 'network' | 'http-status' | 'content-type' | 'parse' | 'unreachable' | 'loop-guard';
  message: string;
}

/** One HTTP request the fake made (webhook, callback, or sendSigned). */
export interface SentRequest {
  method: 'GET' | 'POST';
  /** The URL Twilio "sees" and signs (publicUrl + path + query, plus GET params). */
  url: string;
  /** Where it actually went (baseUrl + path + query), or 'twiml-bin' for a static document. */
  sentTo: string;
  path: string;
  params: Params;
  signature: string | null;
  status: number | null;
  contentType: string | null;
  body: string;
  ms: number;
  callSid?: string;
  error?: RequestError;
}

export type TranscriptEvent =
  | {
      type: 'request';
      leg: LegKind;
      purpose: string;
      method: 'GET' | 'POST';
      path: string;
      url: string;
      params: Params;
      status: number | null;
      twiml?: string;
      error?: RequestError;
      ignored?: boolean;
    }
  | {
      type: 'say';
      leg: LegKind;
      heardBy: Listener;
      number?: string;
      text: string;
      language?: string;
      voice?: string;
      byTwilio?: boolean;
    }
  | { type: 'play'; leg: LegKind; heardBy: Listener; url: string }
  | { type: 'pause'; leg: LegKind; seconds: number }
  | { type: 'gather'; leg: LegKind; digits: string | null; finishedOnKey?: string }
  | { type: 'redirect'; leg: LegKind; url: string }
  | { type: 'dial'; numbers: string[]; timeout: number; callerId: string }
  | { type: 'pickup'; number: string; dialCallSid: string }
  | { type: 'ring'; number: string; outcome: DialOutcome; dialCallSid: string; configured: boolean }
  | { type: 'dial-end'; status: DialCallStatus; dialCallSid: string; durationSec: number; bridged: boolean }
  | { type: 'record'; beep: boolean; durationSec: number | null; recordingSid?: string; endedBy?: string }
  | { type: 'reject'; reason: string }
  | { type: 'hangup'; leg: LegKind; by: 'twiml' | 'caller' | 'end-of-twiml' | 'error' }
  | { type: 'error'; leg: LegKind; code: number; message: string }
  | { type: 'status-callback'; callSid: string; status: string; sequence: number; httpStatus: number | null };

export interface DialledLeg {
  number: string;
  outcome: DialOutcome;
  dialCallSid: string;
  /** false when no fake.phone(number) was set up: such a phone does not answer. */
  configured: boolean;
}

export interface Recording {
  url: string;
  sid: string;
  durationSec: number;
}

export interface CallOptions {
  from: string;
  /** The Twilio number called; defaults to the fake's phoneNumber. */
  to?: string;
  /** Keys the caller presses at each parent-leg <Gather>: a string for the first Gather only, or one entry per Gather (null = presses nothing). */
  digits?: string | (string | null)[];
  /**
   * What the caller does at <Record>: leave a message (ended by '#' by default, or 'hangup' / another key),
   * or null/undefined: hangs up at the beep (no recording, no action request). durationSec 0 = silence (action skipped).
   */
  voicemail?: { durationSec: number; endWith?: string } | null;
  /** Wall-clock ms after which the caller hangs up, wherever the call is. */
  callerHangsUpAfterMs?: number;
  /** After a bridged conversation: who hangs up first. Default 'caller' (the call ends; the Dial action's TwiML is ignored). */
  firstToHangUp?: 'caller' | 'callee';
}

export interface FakeCall {
  sid: string;
  from: string;
  to: string;
  status: CallStatus;
  /** Simulated call length in seconds (speech, rings, conversations; not wall-clock). */
  durationSec: number;
  transcript: TranscriptEvent[];
  dialled: DialledLeg[];
  recording?: Recording;
  /** The HTTP requests made for this call, in order (webhooks and status callbacks). */
  requests: SentRequest[];
  /** The texts of every <Say> heard by the caller or the callee (optionally one dialled number). */
  heard(by?: Listener | string): string[];
  /** The requests made to one path (no query), e.g. call.requestsTo('/twilio/voice/dialled'). */
  requestsTo(path: string): SentRequest[];
}
