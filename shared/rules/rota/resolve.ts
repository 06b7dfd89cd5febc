/**
 * The precedence rules for one slot at one instant (override > accepted swap > rotation), on a rota
 * whose instants are parsed once per calculation. See on-duty.ts for the rules in words.
 */
import type { Override, Rota, Slot, SlotHolder, Swap } from './model';
import { SLOTS } from './model';
import { memberAt, nextRotationChange, prepareRotation, type PreparedRotation } from './handovers';
import { toZoned } from '../wall-clock';

interface Span {
  start: number;
  end: number;
}
interface PreparedOverride extends Span {
  /** null: the slot is left empty. */
  userId: string | null;
  replaces: string | null;
}
interface PreparedSwap extends Span {
  from: string;
  to: string;
}
/** @public */
export interface PreparedSlot {
  rotations: PreparedRotation[];
  overrides: PreparedOverride[];
  swaps: PreparedSwap[];
}
/** @public */
export type PreparedRota = Record<Slot, PreparedSlot>;

/** @public */
export type Holder = Omit<SlotHolder, 'until'>;

const ABSOLUTE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch ms of an ISO instant (absolute strings fast; local ones through the wall-clock rules).
 * @public
 */
export function instantMs(iso: string): number {
  const ms = ABSOLUTE.test(iso) ? Date.parse(iso) : toZoned(iso).toMillis();
  if (Number.isNaN(ms)) throw new Error(`not a valid instant: ${iso}`);
  return ms;
}

function span(x: Override | Swap): Span {
  return { start: instantMs(x.start), end: instantMs(x.end) };
}

/** @public */
export function prepareRota(rota: Rota): PreparedRota {
  const out = {} as PreparedRota;
  for (const slot of SLOTS) {
    out[slot] = {
      rotations: rota.rotations.filter((r) => r.slot === slot).map(prepareRotation),
      overrides: rota.overrides
        .filter((o) => o.slot === slot)
        .map((o) => ({ ...span(o), userId: o.userId, replaces: o.replacesUserId ?? null }))
        .filter((o) => o.end > o.start),
      swaps: rota.swaps
        .filter((s) => s.slot === slot && s.status === 'accepted')
        .map((s) => ({ ...span(s), from: s.fromUserId, to: s.toUserId }))
        .filter((s) => s.end > s.start),
    };
  }
  return out;
}

const inside = (s: Span, t: number) => s.start <= t && t < s.end;

/**
 * Who holds the slot at t and by which rule; null when nobody does.
 * @public
 */
export function holderAt(p: PreparedSlot, t: number): Holder | null {
  let base: Holder | null = null;
  for (const r of p.rotations) {
    const userId = memberAt(r, t);
    if (userId !== null) {
      base = { userId, source: 'rotation' };
      break; // the first listed rotation that covers t wins
    }
  }
  if (base) {
    const from = base.userId;
    const swap = p.swaps.find((s) => s.from === from && inside(s, t));
    if (swap) base = { userId: swap.to, source: 'swap' };
  }
  const current = base?.userId ?? null;
  const override = p.overrides.find((o) => inside(o, t) && (o.replaces === null || o.replaces === current));
  if (!override) return base;
  return override.userId === null ? null : { userId: override.userId, source: 'override' };
}

/**
 * The first instant after t at which holderAt can change (a rule starts or ends); Infinity if none.
 * @public
 */
export function nextCandidate(p: PreparedSlot, t: number): number {
  let next = Infinity;
  for (const r of p.rotations) next = Math.min(next, nextRotationChange(r, t));
  for (const s of [...p.overrides, ...p.swaps]) {
    if (s.start > t && s.start < next) next = s.start;
    if (s.end > t && s.end < next) next = s.end;
  }
  return next;
}

/**
 * The first instant after t, before limit, at which the slot's user changes; null if none.
 * @public
 */
export function nextUserChange(p: PreparedSlot, t: number, limit: number): number | null {
  const now = holderAt(p, t)?.userId ?? null;
  for (let c = nextCandidate(p, t); c < limit; c = nextCandidate(p, c)) {
    if ((holderAt(p, c)?.userId ?? null) !== now) return c;
  }
  return null;
}
