/**
 * The desk's night: "the night of D" runs from D 12:00 to D+1 12:00 on the Brussels clock. It is the
 * unit of hotel counts ("2 rooms for us tonight"), gap alerts and the board's "tonight". Noon, not
 * midnight, so a placement at 01:30 still belongs to the evening that led to it. Across a clock change
 * a night is 23 (March) or 25 (October) hours long.
 */
import type { DateTime } from 'luxon';
import { addDays, atLocal, localDate, toZoned, type Instant } from './wall-clock';

/** @public */
export const NIGHT_STARTS_AT = '12:00';

/**
 * The local date D of the night that `at` falls in.
 * @public
 */
export function nightOf(at: Instant): string {
  const day = localDate(at);
  return toZoned(at) < atLocal(day, NIGHT_STARTS_AT) ? addDays(day, -1) : day;
}

/** @public */
export function nightBounds(night: string): { start: DateTime; end: DateTime } {
  return { start: atLocal(night, NIGHT_STARTS_AT), end: atLocal(addDays(night, 1), NIGHT_STARTS_AT) };
}
