/**
 * Open / out-of-hours decisions on a weekly calendar, and when the next working moment is.
 * "Out of hours" (evenings, nights, weekends, holidays, closure days) is when the desk answers;
 * the OCMW's next opening is when a handoff falls due.
 *
 * Each day's intervals are resolved to instants with `atLocal`, so DST is handled by the rules
 * documented in wall-clock.ts. Intervals are half-open [start, end); an interval whose ends both
 * fall in the spring-forward gap collapses to nothing and is skipped.
 */
import type { DateTime } from 'luxon';
import type { Calendar, Weekday } from './calendar-schema';
import { WEEKDAYS } from './calendar-schema';
import { isPublicHoliday } from './holidays';
import { addDays, atLocal, isoWeekday, localDate, toZoned, type Instant } from './wall-clock';

/**
 * The Kempen region's office-hours window: out of hours is everything outside it.
 * @public
 */
export const DEFAULT_REGION_OFFICE_HOURS: Calendar = deepFreeze({
  hours: weekdays([{ start: '08:30', end: '17:00' }]),
});

/**
 * A typical OCMW counter (Mon-Fri 9:00-11:30); real ones come from each OCMW's config.
 * @public
 */
export const EXAMPLE_OCMW_HOURS: Calendar = deepFreeze({
  hours: weekdays([{ start: '09:00', end: '11:30' }]),
  closureDays: [],
});

function weekdays(intervals: { start: string; end: string }[]) {
  const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
  return Object.fromEntries(days.map((d) => [d, intervals.map((i) => ({ ...i }))]));
}

// Shared by every importer: a stray push into a default must fail loudly, not leak to others.
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}

// A calendar whose every interval is closed cannot produce an answer; a year and a bit is more
// than any real closure run (Christmas to New Year, a long bridge weekend), so stop there.
const MAX_SCAN_DAYS = 400;

type Window = { start: DateTime; end: DateTime };

/** @public */
export function isClosedDay(cal: Calendar, isoDate: string): boolean {
  if (cal.closureDays?.includes(isoDate)) return true;
  return (cal.observePublicHolidays ?? true) && isPublicHoliday(isoDate);
}

/**
 * The open windows of one local date, sorted, as instants.
 * @public
 */
export function windowsOn(cal: Calendar, isoDate: string): Window[] {
  if (isClosedDay(cal, isoDate)) return [];
  const day = WEEKDAYS[isoWeekday(isoDate) - 1];
  const intervals = (day && cal.hours[day]) || [];
  return intervals
    .map((i) => ({ start: atLocal(isoDate, i.start), end: atLocal(isoDate, i.end) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/**
 * Open windows from the local day of `at` onwards. With `merge`, touching windows (e.g. 24:00 and
 * the next day's 00:00) are joined, so a window's end is a real closing.
 */
function* windowsFrom(cal: Calendar, at: DateTime, merge: boolean): Generator<Window> {
  let pending: Window | undefined;
  const first = localDate(at);
  for (let d = 0; d < MAX_SCAN_DAYS; d++) {
    for (const w of windowsOn(cal, addDays(first, d))) {
      if (!merge) {
        yield w;
        continue;
      }
      if (pending && w.start <= pending.end) {
        if (w.end > pending.end) pending = { start: pending.start, end: w.end };
        continue;
      }
      if (pending) yield pending;
      pending = w;
    }
  }
  // A still-open merged window is not yielded: its end may lie beyond the scan (e.g. 24/7 hours).
  throw new Error(
    `calendar has no opening or closing within ${MAX_SCAN_DAYS} days after ${at.toISO()}; check its hours and closure days`,
  );
}

/** The open window containing `at`, or the first one starting after it. */
function windowAtOrAfter(cal: Calendar, at: DateTime, merge: boolean): Window {
  for (const w of windowsFrom(cal, at, merge)) if (w.end > at) return w;
  throw new Error('unreachable'); // windowsFrom throws when it runs out
}

/** @public */
export function isOpen(cal: Calendar, at: Instant): boolean {
  const t = toZoned(at);
  return windowsOn(cal, localDate(t)).some((w) => w.start <= t && t < w.end);
}

/** @public */
export function isOutOfHours(cal: Calendar, at: Instant): boolean {
  return !isOpen(cal, at);
}

/**
 * `at` itself when open; otherwise the start of the next open window.
 * @public
 */
export function nextOpening(cal: Calendar, at: Instant): DateTime {
  const t = toZoned(at);
  if (isOpen(cal, t)) return t;
  return windowAtOrAfter(cal, t, false).start;
}

/**
 * The end of the current open window, or of the next one when closed now.
 * @public
 */
export function nextClosing(cal: Calendar, at: Instant): DateTime {
  return windowAtOrAfter(cal, toZoned(at), true).end;
}

/**
 * The next instant strictly after `at` where open/closed flips.
 * @public
 */
export function nextChange(cal: Calendar, at: Instant): DateTime {
  const t = toZoned(at);
  const w = windowAtOrAfter(cal, t, isOpen(cal, t));
  return w.start <= t ? w.end : w.start;
}

/**
 * Local date (YYYY-MM-DD) of the next opening: today when open now. When a handoff is due.
 * @public
 */
export function nextWorkingDay(cal: Calendar, at: Instant): string {
  return localDate(nextOpening(cal, at));
}
