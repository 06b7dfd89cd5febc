// Cleaning Twilio's webhook parameters before they are checked: no NUL or other control characters, which
// PostgreSQL text cannot hold or which would only hide what was sent. What each webhook may carry (Sid
// shapes, E.164 numbers, its parameters and query) is its schema in shared/api/twilio.ts.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Every parameter with NUL and other control characters removed (tab, newline and CR stay: SMS bodies hold them). */
export function withoutControlCharacters(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(CONTROL, ''), v.replace(CONTROL, '')]));
}
