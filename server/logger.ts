// pino, with secrets and personal fields redacted wherever they appear in a logged object. Errors go
// through safeError: a database error carries the query's parameters (PGlite adds `params`, pg puts
// values in `detail`), so only its kind, code and location are kept, with quoted values and phone
// numbers scrubbed from the message. Numbers a log line needs (a caller) are passed through maskNumber.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: safeError, error: safeError, dropped: () => '[journal entry]' },
      redact: {
        paths: [
          'password',
          '*.password',
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-twilio-signature"]',
          'res.headers["set-cookie"]',
          'token',
          '*.token',
          'authToken',
          '*.authToken',
          'authTokens',
          '*.authTokens',
          'twilio.authTokens',
          '*.twilio.authTokens',
          'rrn',
          '*.rrn',
          'story',
          '*.story',
          'rrnKeys',
          '*.rrnKeys',
          'params',
          '*.params',
          'body',
          '*.body',
          'name',
          'birthDate',
          'from',
          'to',
          'phone',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A phone number for a log line: only its last three digits ("…456"). */
export function maskNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length <= 3 ? '…' : `…${digits.slice(-3)}`;
}

/** Removes values from an error text: quoted strings, "(key)=(value)" pairs, phone-like digit runs, e-mail addresses. */
export function scrubText(text: string): string {
  return text
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)')
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/'[^'\n]*'/g, "'…'")
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '…@…')
    .replace(/\+?\d[\d ./-]{5,}\d/g, (m) => maskNumber(m) ?? '…');
}

const KEPT = ['code', 'severity', 'constraint', 'table', 'column', 'routine', 'status', 'errno', 'syscall'] as const;

/** Serialises an error for the log without any value it carried (parameters, detail, where, query). */
export function safeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object') return typeof err === 'string' ? scrubText(err) : err;
  const e = err as Record<string, unknown> & { message?: unknown; stack?: unknown; cause?: unknown };
  const out: Record<string, unknown> = { type: (err as object).constructor?.name ?? 'Error' };
  if (typeof e.message === 'string') out.message = scrubText(e.message);
  if (typeof e.stack === 'string') out.stack = scrubText(e.stack);
  for (const k of KEPT) if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = e[k];
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && depth < 3) out.errors = e.errors.slice(0, 5).map((x) => safeError(x, depth + 1));
  return out;
}
