// Is this error "the database is not there" (restarting, unreachable), rather than a bug or bad data?
// Those become 503 with a message to try again, and webhooks journal themselves instead of failing.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (?:is )?closed/i,
  /database is closed/i,
  /no answer within \d+ ms/i,
];

/** @public */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
  return typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string));
}
