/**
 * Rotation turn arithmetic. Handover k happens at atLocal(startDate + k * period, handoverTime), so it
 * follows the Brussels clock across DST with the gap/overlap rules of wall-clock.ts. The turn holding
 * an instant is computed from local dates (O(1), no walking turn by turn) and then corrected by one
 * handover around DST edges.
 */
import { DateTime } from 'luxon';
import type { Rotation } from './model';
import { atLocalMs, localDateOf } from './clock';
import { ZONE, addDays, toZoned, type Instant } from '../wall-clock';

const DAY_MS = 86_400_000;

/**
 * A rotation with its numbers worked out once per calculation.
 * @public
 */
export interface PreparedRotation {
  members: readonly string[];
  startDate: string;
  handoverTime: string;
  periodDays: number;
  /** First handover and end of coverage (epoch ms; Infinity without endDate). */
  firstMs: number;
  endMs: number;
}

/** @public */
export function prepareRotation(r: Rotation): PreparedRotation {
  if (r.members.length === 0) throw new Error(`rotation ${r.id}: members must list at least one user id`);
  const periodDays = r.every.count * (r.every.unit === 'week' ? 7 : 1);
  if (!Number.isInteger(periodDays) || periodDays < 1)
    throw new Error(`rotation ${r.id}: every.count must be at least 1`);
  return {
    members: r.members,
    startDate: r.startDate,
    handoverTime: r.handoverTime,
    periodDays,
    firstMs: atLocalMs(r.startDate, r.handoverTime),
    endMs: r.endDate ? atLocalMs(r.endDate, r.handoverTime) : Infinity,
  };
}

/** Whole days from ISO date a to ISO date b (calendar arithmetic, as in wall-clock's addDays). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * Epoch ms of handover k (k >= 0).
 * @public
 */
export function handoverMs(p: PreparedRotation, k: number): number {
  return atLocalMs(addDays(p.startDate, k * p.periodDays), p.handoverTime);
}

/**
 * The turn index in force at t: the largest k with handover k <= t, or -1 before the first. Ignores endDate.
 * @public
 */
export function turnIndex(p: PreparedRotation, t: number): number {
  if (t < p.firstMs) return -1;
  let k = Math.max(0, Math.floor(daysBetween(p.startDate, localDateOf(t)) / p.periodDays));
  // Handover k always falls on its own local date (a gap time resolves to 03:00, an overlap time to
  // the earlier 02:xx, both the same day), so handover k+1 is on a later date than t and only today's
  // handover k can still be ahead of t: at most one step back.
  if (k > 0 && handoverMs(p, k) > t) k--;
  return k;
}

/**
 * The member holding the rotation at t, or null outside [first handover, end).
 * @public
 */
export function memberAt(p: PreparedRotation, t: number): string | null {
  if (t < p.firstMs || t >= p.endMs) return null;
  return p.members[turnIndex(p, t) % p.members.length] ?? null;
}

/**
 * The first instant after t at which this rotation's answer (memberAt) can change: its start, its end,
 * or a handover to a different member (handovers to the same person are skipped). Infinity if none.
 * @public
 */
export function nextRotationChange(p: PreparedRotation, t: number): number {
  if (t < p.firstMs) return p.firstMs;
  if (t >= p.endMs) return Infinity;
  const n = p.members.length;
  const k = turnIndex(p, t);
  for (let j = 1; j <= n; j++) {
    if (p.members[(k + j) % n] !== p.members[(k + j - 1) % n]) return Math.min(handoverMs(p, k + j), p.endMs);
  }
  return p.endMs; // everyone in the team is the same person: only the end changes anything
}

/**
 * Every handover instant in [from, to) (including the first, excluding the end), ascending.
 * @public
 */
export function handoversBetween(p: PreparedRotation, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, turnIndex(p, from)); ; k++) {
    const ms = handoverMs(p, k);
    if (ms >= to || ms >= p.endMs) return out;
    if (ms >= from) out.push(ms);
  }
}

// ---- Public helpers on a plain Rotation (for views and tests) ----

/**
 * The instant of handover k of a rotation (turn k starts then), in Brussels time.
 * @public
 */
export function handoverAt(rotation: Rotation, k: number): DateTime {
  if (!Number.isInteger(k) || k < 0) throw new Error(`turn must be a whole number >= 0, got ${k}`);
  return DateTime.fromMillis(handoverMs(prepareRotation(rotation), k), { zone: ZONE });
}

/**
 * The turn of a rotation in force at an instant, ignoring overrides and swaps; null when it covers nobody.
 * @public
 */
export function turnAt(
  rotation: Rotation,
  at: Instant,
): { turn: number; userId: string; start: DateTime; end: DateTime } | null {
  const p = prepareRotation(rotation);
  const t = toZoned(at).toMillis();
  const userId = memberAt(p, t);
  if (userId === null) return null;
  const turn = turnIndex(p, t);
  const end = Math.min(handoverMs(p, turn + 1), p.endMs);
  return {
    turn,
    userId,
    start: DateTime.fromMillis(handoverMs(p, turn), { zone: ZONE }),
    end: DateTime.fromMillis(end, { zone: ZONE }),
  };
}
