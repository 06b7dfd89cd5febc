/**
 * When the coordinator must hear about a gap. Rules (Brussels wall clock):
 *  - "the night of day D" runs from D 12:00 to D+1 12:00 local (night.ts); it holds the evening, night and early
 *    morning that a duty worker covers after the working day of D (and all of D's afternoon when D is
 *    a weekend day or holiday).
 *  - the alert for the night of D is due from D at `gapAlertTime` (e.g. 14:00) until that night ends,
 *    so there is still an afternoon left to find someone; before that the gap shows only in the 14-day list.
 *  - a night's alert lists its out-of-hours time with nobody on the primary line; an alert with no
 *    gaps is not due at all.
 * Both boundaries go through atLocal, so a night across a DST change is 23 or 25 hours long.
 */
import type { Rota, Segment } from './model';
import { atLocalMs, isoAt, localDateOf } from './clock';
import { gaps } from './segments';
import { addDays } from '../wall-clock';
import { nightBounds } from '../night';

/** @public */
export interface NightGapAlert {
  night: { date: string; start: string; end: string };
  gaps: Segment[];
}

/**
 * The night alerts due at `now` (at most two: the night still running and the one about to come).
 * @public
 */
export function dueNightGapAlerts(rota: Rota, now: Date, gapAlertTime: string): NightGapAlert[] {
  const t = now.getTime();
  const today = localDateOf(t);
  const alerts: NightGapAlert[] = [];
  for (const date of [addDays(today, -1), today]) {
    const bounds = nightBounds(date);
    const start = bounds.start.toMillis();
    const end = bounds.end.toMillis();
    if (t < atLocalMs(date, gapAlertTime) || t >= end) continue;
    // Only what is still ahead matters: a gap that is over cannot be filled any more.
    const found = gaps(rota, new Date(Math.max(t, start)), new Date(end)).noPrimary;
    if (found.length) alerts.push({ night: { date, start: isoAt(start), end: isoAt(end) }, gaps: found });
  }
  return alerts;
}
