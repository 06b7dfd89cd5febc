// What Twilio's webhooks may carry, checked at the edge: Sid shapes, E.164 numbers (or Twilio's values
// for a caller who hides the number), and no NUL or other control characters, which PostgreSQL text
// cannot hold or which would only hide what was sent. A parameter that fails here never reaches a
// handler, the journal or a log line.
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
/** What Twilio sends as From when the caller withheld the number (words, and their keypad spellings). */
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

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Every parameter with NUL and other control characters removed (tab, newline and CR stay: SMS bodies hold them). */
export function withoutControlCharacters(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(CONTROL, ''), v.replace(CONTROL, '')]));
}
