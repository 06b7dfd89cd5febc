// The rota is on the Brussels clock whatever the phone's time zone says.
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Brussels';
export const brussels = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
export const hhmm = (iso: string) => brussels(iso).toFormat('HH:mm');
export const dayLabel = (iso: string, lang: string) =>
  brussels(iso)
    .setLocale(lang === 'en' ? 'en-GB' : 'nl-BE')
    .toFormat('ccc d LLL');
/** A datetime-local value ("2026-10-24T17:00") read as Brussels time, sent with its offset. */
export const fromLocalInput = (value: string) =>
  DateTime.fromISO(value, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
export const toLocalInput = (iso: string) => brussels(iso).toFormat("yyyy-LL-dd'T'HH:mm");

/** A span cut to one Brussels day: "00:00–08:30", "17:00–24:00", so a night over midnight is not shown twice whole. */
export function spanOnDay(startIso: string, endIso: string, day: DateTime): string {
  const dayStart = day.setZone(ZONE).startOf('day');
  const dayEnd = dayStart.plus({ days: 1 });
  const start = brussels(startIso) < dayStart ? dayStart : brussels(startIso);
  const end = brussels(endIso) > dayEnd ? dayEnd : brussels(endIso);
  return `${start.toFormat('HH:mm')}–${end.equals(dayEnd) ? '24:00' : end.toFormat('HH:mm')}`;
}

/** A span with its end day whenever it ends on another day ("vr 4 dec 17:00 – ma 7 dec 08:30"). */
export function spanLabel(startIso: string, endIso: string, lang: string): string {
  const sameDay = brussels(startIso).hasSame(brussels(endIso), 'day');
  return `${dayLabel(startIso, lang)} ${hhmm(startIso)} – ${sameDay ? '' : `${dayLabel(endIso, lang)} `}${hhmm(endIso)}`;
}

/** Touching spans joined: a gap cut at every rota handover is still one gap for the person reading it. */
export function joinSpans<T extends { start: string; end: string }>(spans: readonly T[]): T[] {
  const out: T[] = [];
  for (const s of [...spans].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const last = out[out.length - 1];
    if (last && Date.parse(s.start) <= Date.parse(last.end)) {
      if (Date.parse(s.end) > Date.parse(last.end)) out[out.length - 1] = { ...last, end: s.end };
    } else out.push(s);
  }
  return out;
}
