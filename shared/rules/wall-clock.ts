/**
 * Wall-clock time in the region's zone (Europe/Brussels).
 *
 * Every rule that turns a local date + "HH:mm" into an instant goes through `atLocal`, so the two
 * daylight-saving edge cases are decided once, here:
 *
 *  - SPRING FORWARD (last Sunday of March, 02:00 CET -> 03:00 CEST): wall times 02:00-02:59 do not
 *    exist. A wall time inside the gap resolves to the FIRST INSTANT AFTER THE GAP, i.e. 03:00+02:00.
 *    (Luxon's default would shift by the gap length, 02:30 -> 03:30; an opening hour "02:30" should
 *    not open later than one at "03:00", so we clamp instead.)
 *  - FALL BACK (last Sunday of October, 03:00 CEST -> 02:00 CET): wall times 02:00-02:59 happen
 *    twice. A wall time inside the overlap resolves to the EARLIER occurrence (CEST, +02:00).
 *    (Luxon's default picks the later one.) "03:00" on that day is unambiguous (+01:00), so an
 *    interval 02:30-03:00 on that night lasts 90 minutes.
 *
 * "24:00" is accepted and means 00:00 of the following day, so an interval can run to midnight.
 * Pure: no system clock, no I/O; the current time is always an argument.
 */
import { DateTime, IANAZone } from 'luxon';

/** @public */
export const ZONE = 'Europe/Brussels';
const zone = IANAZone.create(ZONE);

/**
 * Anything the rules accept as "a moment": a luxon DateTime, a JS Date, epoch ms or an ISO string.
 * @public
 */
export type Instant = DateTime | Date | number | string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** @public */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** @public */
export function isHhmm(s: string): boolean {
  return HHMM.test(s);
}

/**
 * Minutes since local midnight for "HH:mm" (24:00 -> 1440).
 * @public
 */
export function minutesOf(hhmm: string): number {
  if (!isHhmm(hhmm)) throw new Error(`time must be HH:mm (00:00-24:00), got "${hhmm}"`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Calendar arithmetic on ISO dates is done in UTC, where every day has 24 hours.
 * @public
 */
export function addDays(isoDate: string, days: number): string {
  if (!isIsoDate(isoDate)) throw new Error(`date must be YYYY-MM-DD, got "${isoDate}"`);
  const ms = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * ISO weekday of an ISO date: 1 = Monday ... 7 = Sunday.
 * @public
 */
export function isoWeekday(isoDate: string): number {
  const d = new Date(`${addDays(isoDate, 0)}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The instant at local wall time `hhmm` on `isoDate` in Europe/Brussels, DST rules above.
 * @public
 */
export function atLocal(isoDate: string, hhmm: string): DateTime {
  if (!isIsoDate(isoDate)) throw new Error(`date must be YYYY-MM-DD, got "${isoDate}"`);
  const minutes = minutesOf(hhmm);
  if (minutes === 1440) return atLocal(addDays(isoDate, 1), '00:00');

  // The wall time read as if it were UTC; the real instant is this minus the zone offset.
  const naive = Date.parse(`${isoDate}T00:00:00Z`) + minutes * 60_000;
  // Brussels changes offset at most once in any 48 hours, so the offsets a day either side
  // are the only candidates.
  const offsets = [...new Set([zone.offset(naive - 86_400_000), zone.offset(naive + 86_400_000)])];
  const valid = offsets
    .map((o) => naive - o * 60_000)
    .filter((ms) => zone.offset(ms) * 60_000 === naive - ms)
    .sort((a, b) => a - b);

  const first = valid[0];
  if (first !== undefined) return DateTime.fromMillis(first, { zone: ZONE }); // overlap: earlier one

  // In the gap: find the transition instant by bisection between the two (invalid) candidates.
  const cands = offsets.map((o) => naive - o * 60_000);
  let lo = Math.min(...cands);
  let hi = Math.max(...cands);
  const before = zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return DateTime.fromMillis(hi, { zone: ZONE });
}

/**
 * Any accepted instant as a DateTime in ZONE. ISO strings with an offset or "Z" are absolute;
 * ISO strings without one are Brussels wall time and go through `atLocal` (same DST rules).
 * @public
 */
export function toZoned(at: Instant): DateTime {
  let dt: DateTime;
  if (DateTime.isDateTime(at)) dt = at.setZone(ZONE);
  else if (at instanceof Date) dt = DateTime.fromJSDate(at, { zone: ZONE });
  else if (typeof at === 'number') dt = DateTime.fromMillis(at, { zone: ZONE });
  else {
    const local = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(at);
    dt = local ? atLocal(local[1] ?? '', local[2] ?? '00:00') : DateTime.fromISO(at, { zone: ZONE });
  }
  if (!dt.isValid) throw new Error(`not a valid instant: ${String(at)} (${dt.invalidExplanation ?? ''})`);
  return dt;
}

/**
 * The local (Brussels) calendar date of an instant, as YYYY-MM-DD.
 * @public
 */
export function localDate(at: Instant): string {
  return toZoned(at).toFormat('yyyy-MM-dd');
}
