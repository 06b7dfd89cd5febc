// What Twilio's webhooks may carry, checked at the edge: Sid shapes, E.164 numbers (or Twilio's values
// for a caller who hides the number), and per webhook the POST parameters and the query the desk put in
// the URL. A parameter that fails here never reaches a handler, the journal or a log line. Unknown
// parameters are kept (Twilio adds them over time). The server's webhooks (server/telephony) validate
// with these schemas and the OpenAPI document shows them as the form-encoded request bodies.
import { z } from 'zod';

const sidOf = (...prefixes: string[]) =>
  z
    .string()
    .regex(
      new RegExp(`^(${prefixes.join('|')})[0-9a-f]{32}$`),
      `expected ${prefixes.join(' or ')} followed by 32 hex digits`,
    );
/** @public */
export const callSid = sidOf('CA');
/** @public */
export const messageSid = sidOf('SM', 'MM');

const E164 = /^\+[1-9]\d{1,14}$/;
/**
 * What Twilio sends as From when the caller withheld the number (words, and their keypad spellings).
 * @public
 */
export const ANONYMOUS_CALLERS = new Set([
  'anonymous',
  'restricted',
  'unknown',
  'private',
  'blocked',
  'unavailable',
  '+266696687',
  '+7378742833',
  '+2562533',
  '+86282452253',
  '+8656696',
]);

/**
 * A caller: E.164, or null when the number was withheld. Anything else does not validate.
 * @public
 */
export const callerNumber = z
  .string()
  .max(32)
  .refine(
    (v) => E164.test(v) || ANONYMOUS_CALLERS.has(v.toLowerCase()),
    "expected an E.164 number or Twilio's anonymous value",
  )
  .transform((v) => (ANONYMOUS_CALLERS.has(v.toLowerCase()) ? null : v));

/**
 * An SMS sender: E.164, a short code, or an alphanumeric sender ID.
 * @public
 */
export const smsSender = z
  .string()
  .regex(
    /^(\+[1-9]\d{1,14}|\d{3,8}|[A-Za-z0-9][A-Za-z0-9 ._-]{0,10})$/,
    'expected an E.164 number, a short code or a sender ID',
  );

/**
 * `POST /twilio/voice`: an incoming call on the permanence number.
 * @public
 */
export const voiceParams = z.looseObject({
  CallSid: callSid.optional(),
  From: callerNumber.optional(),
  To: callerNumber.optional(),
});

/**
 * The query of the chain's webhooks: which step of the chain, and who calls (as the desk said it).
 * @public
 */
export const stepQuery = z.looseObject({
  step: z.coerce.number().int().min(0).max(20),
  caller: z.string().max(120).optional(),
});

/**
 * `POST /twilio/voice/screen`: the worker of a step picked up.
 * @public
 */
export const screenParams = z.looseObject({ ParentCallSid: callSid.optional(), CallSid: callSid.optional() });

/**
 * `POST /twilio/voice/screened`: the key the worker pressed, if any.
 * @public
 */
export const screenedParams = z.looseObject({
  ParentCallSid: callSid.optional(),
  Digits: z.string().max(10).optional(),
});

/**
 * `POST /twilio/voice/dialled`: a step of the chain ended.
 * @public
 */
export const dialledParams = z.looseObject({ CallSid: callSid, DialCallStatus: z.string().max(32).optional() });

/**
 * `POST /twilio/voice/recorded`: the caller's voicemail.
 * @public
 */
export const recordedParams = z.looseObject({
  CallSid: callSid,
  RecordingUrl: z.string().url().max(500),
  RecordingDuration: z.coerce.number().int().optional(),
});

/**
 * `POST /twilio/voice/status`: a call's status callback.
 * @public
 */
export const voiceStatusParams = z.looseObject({
  CallSid: callSid,
  CallStatus: z.string().min(1).max(32),
  SequenceNumber: z.coerce.number().int().min(0).optional(),
  CallDuration: z.coerce.number().int().min(0).optional(),
});

/**
 * `POST /twilio/voice/connect`: the worker answered the desk's call; nothing in the body is needed.
 * @public
 */
export const connectParams = z.looseObject({});
/** @public */
export const connectQuery = z.looseObject({ place: z.uuid() });

/**
 * `POST /twilio/sms`: a text to the permanence number.
 * @public
 */
export const smsParams = z.looseObject({
  MessageSid: messageSid,
  From: smsSender,
  Body: z.string().max(1600).default(''),
  To: z.string().max(32).optional(),
});

/**
 * `POST /twilio/sms/status`: the delivery status of a text the desk sent.
 * @public
 */
export const smsStatusParams = z.looseObject({
  MessageSid: messageSid,
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});
/** @public */
export const smsStatusQuery = z.looseObject({ outbox: z.uuid().optional() });

/**
 * What a webhook answers: TwiML (`text/xml`) telling Twilio what to do next, or nothing (204; the status callbacks).
 * @public
 */
export type TwilioAnswer = 'twiml' | 'none';
