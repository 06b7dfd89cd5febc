/**
 * The rota over a range, for the week/month views, the gap warnings and the iCal feed. Built from the
 * change points only (office-hours window edges, rotation starts/ends/handovers, override and swap
 * bounds), never by sampling. Rules: see on-duty.ts.
 */
import type { Calendar } from '../calendar-schema';
import type { Rota, Segment, Slot } from './model';
import { SLOTS } from './model';
import { isoAt } from './clock';
import { holderAt, nextCandidate, prepareRota } from './resolve';
import { windowsOn } from '../office-hours';
import { addDays, localDate, toZoned, type Instant } from '../wall-clock';

/**
 * Longest range segments/gaps/shiftsOf accept, so one request cannot ask for centuries.
 * @public
 */
export const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;

type Range = [number, number];

function range(from: Instant, to: Instant): Range {
  const a = toZoned(from).toMillis();
  const b = toZoned(to).toMillis();
  if (b - a > MAX_RANGE_DAYS * DAY_MS) throw new Error(`range is longer than ${MAX_RANGE_DAYS} days`);
  return [a, b];
}

/**
 * The out-of-hours pieces of [from, to): the complement of the calendar's open windows, read day by
 * day with windowsOn (the same data isOpen and nextChange use). Unlike nextChange this also works for
 * a calendar that never opens (every hour out of hours) or never closes.
 * @public
 */
export function outOfHoursWindows(cal: Calendar, from: number, to: number): Range[] {
  if (to <= from) return [];
  const out: Range[] = [];
  let cursor = from; // everything before cursor is accounted for
  const last = localDate(to);
  for (let d = localDate(from); d <= last; d = addDays(d, 1)) {
    for (const w of windowsOn(cal, d)) {
      const s = w.start.toMillis();
      const e = w.end.toMillis();
      if (e <= cursor) continue;
      if (s >= to) break;
      if (s > cursor) out.push([cursor, s]);
      cursor = Math.max(cursor, e);
    }
  }
  if (cursor < to) out.push([cursor, to]);
  return out;
}

/**
 * Out-of-hours time in [from, to) split into maximal pieces where all three holders are constant.
 * @public
 */
export function segments(rota: Rota, from: Instant, to: Instant): Segment[] {
  const [a, b] = range(from, to);
  const prepared = prepareRota(rota);
  const out: Segment[] = [];
  let prevEnd = NaN;
  for (const [ws, we] of outOfHoursWindows(rota.calendar, a, b)) {
    const cuts = new Set<number>([ws, we]);
    for (const slot of SLOTS) {
      for (let c = nextCandidate(prepared[slot], ws); c < we; c = nextCandidate(prepared[slot], c)) cuts.add(c);
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i] ?? ws;
      const e = points[i + 1] ?? we;
      const [primary, backup, coordinator] = SLOTS.map((slot) => holderAt(prepared[slot], s)?.userId ?? null);
      const seg = { primary: primary ?? null, backup: backup ?? null, coordinator: coordinator ?? null };
      const prev = out[out.length - 1];
      if (prev && prevEnd === s && SLOTS.every((k) => prev[k] === seg[k])) {
        prev.end = isoAt(e);
      } else {
        out.push({ start: isoAt(s), end: isoAt(e), ...seg });
      }
      prevEnd = e;
    }
  }
  return out;
}

/** @public */
export interface Gaps {
  /** Out-of-hours time with nobody in the primary slot: a shift with nobody on it. */
  noPrimary: Segment[];
  /** Out-of-hours time with a primary but without a backup and/or coordinator. */
  warnings: (Segment & { missing: Slot[] })[];
}

/** @public */
export function gaps(rota: Rota, from: Instant, to: Instant): Gaps {
  const all = segments(rota, from, to);
  return {
    noPrimary: all.filter((s) => s.primary === null),
    warnings: all
      .filter((s) => s.primary !== null && (s.backup === null || s.coordinator === null))
      .map((s) => ({ ...s, missing: SLOTS.filter((k) => s[k] === null) })),
  };
}

/** @public */
export interface Shift {
  start: string;
  end: string;
  slot: Slot;
}

/**
 * The out-of-hours time in [from, to) in which userId holds a slot: one entry per slot per
 * uninterrupted stretch (touching segments with the same slot are joined), sorted by start then slot.
 * @public
 */
export function shiftsOf(rota: Rota, userId: string, from: Instant, to: Instant): Shift[] {
  const out: Shift[] = [];
  const open = new Map<Slot, Shift>();
  for (const seg of segments(rota, from, to)) {
    for (const slot of SLOTS) {
      const running = open.get(slot);
      if (seg[slot] !== userId) continue;
      if (running && running.end === seg.start) running.end = seg.end;
      else {
        const shift = { start: seg.start, end: seg.end, slot };
        out.push(shift);
        open.set(slot, shift);
      }
    }
  }
  return out.sort((x, y) => Date.parse(x.start) - Date.parse(y.start) || SLOTS.indexOf(x.slot) - SLOTS.indexOf(y.slot));
}

/**
 * shiftsOf, but each shift whole: a shift running across `from` or `to` keeps its real start and
 * end instead of being cut at the edge, so a feed fetched at any instant names it the same way.
 * The range looked at widens (doubling) until no shift in [from, to) touches its edges.
 * @public
 */
export function wholeShiftsOf(rota: Rota, userId: string, from: Instant, to: Instant): Shift[] {
  const [a, b] = range(from, to);
  for (let margin = 7 * DAY_MS; ; margin *= 2) {
    const lo = a - margin;
    const hi = b + margin;
    const wide = hi - lo > MAX_RANGE_DAYS * DAY_MS;
    const half = Math.floor((MAX_RANGE_DAYS * DAY_MS - (b - a)) / 2); // the widest range allowed
    const all = wide ? shiftsOf(rota, userId, a - half, b + half) : shiftsOf(rota, userId, lo, hi);
    const inside = all.filter((s) => Date.parse(s.end) > a && Date.parse(s.start) < b);
    const cut = inside.some((s) => Date.parse(s.start) <= lo || Date.parse(s.end) >= hi);
    if (!cut || wide) return inside;
  }
}
