/**
 * Belgian legal public holidays. date-holidays also lists observances (Easter Sunday, 2 Nov,
 * 15 Nov, Mother's Day, ...) for BE; only entries typed `public` are the 10 legal days
 * (1 Jan, Easter Monday, 1 May, Ascension, Whit Monday, 21 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec).
 * Days local governments close on top of these are per-OCMW closure days, not holidays.
 */
import Holidays from 'date-holidays';
import { isIsoDate } from './wall-clock';

/** @public */
export type PublicHoliday = { date: string; name: string };

// Building the calendar and computing a year is slow, so both are done once.
let be: Holidays | undefined;
const byYear = new Map<number, readonly PublicHoliday[]>();
const datesByYear = new Map<number, ReadonlySet<string>>();

/** @public */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year)) throw new Error(`year must be an integer, got ${year}`);
  let list = byYear.get(year);
  if (!list) {
    be ??= new Holidays('BE', { languages: ['nl'] });
    list = be
      .getHolidays(year, 'nl')
      .filter((h) => h.type === 'public')
      // `date` is local "YYYY-MM-DD hh:mm:ss"; the first 10 characters are the calendar day.
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    byYear.set(year, list);
    datesByYear.set(year, new Set(list.map((h) => h.date)));
  }
  return list.map((h) => ({ ...h }));
}

/** @public */
export function isPublicHoliday(isoDate: string): boolean {
  if (!isIsoDate(isoDate)) throw new Error(`date must be YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(isoDate.slice(0, 4));
  if (!datesByYear.has(year)) publicHolidays(year);
  return datesByYear.get(year)?.has(isoDate) ?? false;
}
