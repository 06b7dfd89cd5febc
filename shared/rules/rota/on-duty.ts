/**
 * THE DUTY ROTA: "who do we ring now?"
 *
 * Rules (also in the README):
 *  1. Slots. Three slots are on duty: primary (rung first), backup and coordinator. Each is computed on
 *     its own from the rotations, overrides and swaps of that slot.
 *  2. Rotations. Handover k of a rotation happens at atLocal(startDate + k * period, handoverTime)
 *     (period = every.count days or weeks), so it follows the Brussels wall clock across DST: a weekly
 *     09:00 handover is 09:00 local in winter (08:00Z) and summer (07:00Z); a handover time inside the
 *     spring-forward gap happens at 03:00 local; one inside the autumn overlap at the EARLIER
 *     occurrence (the wall-clock.ts rules). Turn k runs from handover k to handover k+1 and goes to
 *     members[k mod n]. Before the first handover (startDate at handoverTime) the rotation covers
 *     nobody; with an endDate it covers nobody from handoverTime on endDate (exclusive) onwards.
 *  3. Several rotations for one slot: the one listed FIRST that covers the instant wins (the server
 *     lists them by position), so a later rotation only fills time the earlier ones leave empty.
 *  4. Precedence: override > accepted swap > rotation.
 *     - An accepted swap gives the slot to toUserId during [start, end) while the ROTATION gives it to
 *       fromUserId (swaps do not chain). Swaps that are requested, rejected or cancelled do nothing.
 *     - An override gives the slot to userId during [start, end): unconditionally, or, when
 *       replacesUserId is set, only while the rotation/swap would have given it to that user. An
 *       unconditional override also fills time when no rotation covers the slot.
 *     - If stored data still overlaps (validateOverride/validateSwap refuse it), the first listed wins.
 *  5. Out of hours. The rota only rings out of the region's office hours (rota.calendar, with public
 *     holidays and closure days closed, as office-hours.ts decides). onDuty answers at any instant:
 *     during office hours it says outOfHours: false but still names who holds the rota, because the
 *     holders do not change at 08:30; the phone line uses the day number then. segments, gaps and
 *     shiftsOf only cover out-of-hours time.
 *  6. Changes. A slot's holder "changes" when its user id changes (nobody counts as a value); a switch
 *     of rule with the same person (e.g. an override by the person already on duty) is not a change.
 *     `until` is when the slot's holder next changes; nextHandover is the earliest change of any slot,
 *     including someone coming on in an empty slot (which has no `until`). Both look at most
 *     HORIZON_DAYS ahead and are null beyond that. They ignore office hours.
 *  7. Instants are exact to the millisecond and intervals half-open [start, end). Output instants are
 *     ISO strings with the Brussels offset. Everything is pure: the time is always an argument.
 *  8. Ranges (segments, gaps, shiftsOf) are cut only at change points: the edges of the calendar's
 *     open windows (windowsOn, the data behind isOpen/nextChange, which also copes with a calendar
 *     that never opens), rotation starts, ends and handovers, override and swap bounds. Touching
 *     pieces with the same three holders are joined. shiftsOf joins a worker's touching pieces per
 *     slot. A range is at most MAX_RANGE_DAYS long.
 */
import type { Rota, Slot, SlotHolder } from './model';
import { SLOTS } from './model';
import { holderAt, nextUserChange, prepareRota, type PreparedRota } from './resolve';
import { isOpen } from '../office-hours';
import { toZoned, type Instant } from '../wall-clock';
import { isoAt } from './clock';

/**
 * How far ahead `until` and `nextHandover` look.
 * @public
 */
export const HORIZON_DAYS = 400;
const DAY_MS = 86_400_000;

/** @public */
export interface OnDuty {
  outOfHours: boolean;
  primary: SlotHolder | null;
  backup: SlotHolder | null;
  coordinator: SlotHolder | null;
  /** The earliest instant after `at` at which any slot's holder changes, or null within the horizon. */
  nextHandover: string | null;
}

/**
 * Who holds each slot at `at`, whether the rota is ringing (out of hours), and when that changes.
 * @public
 */
export function onDuty(rota: Rota, at: Instant): OnDuty {
  return onDutyPrepared(rota, prepareRota(rota), toZoned(at).toMillis());
}

/** @public */
export function onDutyPrepared(rota: Rota, prepared: PreparedRota, t: number): OnDuty {
  const limit = t + HORIZON_DAYS * DAY_MS;
  const changes: number[] = [];
  const slot = (s: Slot): SlotHolder | null => {
    const holder = holderAt(prepared[s], t);
    const change = nextUserChange(prepared[s], t, limit);
    if (change !== null) changes.push(change);
    return holder && { ...holder, until: change === null ? null : isoAt(change) };
  };
  const [primary, backup, coordinator] = SLOTS.map(slot);
  return {
    outOfHours: !isOpen(rota.calendar, t),
    primary: primary ?? null,
    backup: backup ?? null,
    coordinator: coordinator ?? null,
    nextHandover: changes.length ? isoAt(Math.min(...changes)) : null,
  };
}
