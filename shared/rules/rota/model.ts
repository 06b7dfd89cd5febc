/**
 * The duty rota as data: rotations (teams taking turns), overrides and swaps, with zod schemas whose
 * messages name the field. The rules that turn this into "who do we ring now?" are in on-duty.ts.
 */
import { z } from 'zod';
import type { Calendar } from '../calendar-schema';
import { calendarSchema } from '../calendar-schema';
import { isIsoDate } from '../wall-clock';
import { say } from '../say';

/** @public */
export const SLOTS = ['primary', 'backup', 'coordinator'] as const;
/** @public */
export type Slot = (typeof SLOTS)[number];

/** @public */
export interface Rotation {
  id: string;
  /** Optional label ("Weekploeg A"); ignored by the calculator. */
  name?: string;
  slot: Slot;
  /** User ids in turn order; turn k goes to members[k mod n]. */
  members: string[];
  /** Local date (YYYY-MM-DD) of the first handover: members[0] starts then. */
  startDate: string;
  /** Local Brussels wall time (HH:mm) of every handover. */
  handoverTime: string;
  every: { unit: 'day' | 'week'; count: number };
  /** The rotation stops covering at handoverTime on this local date (exclusive). */
  endDate?: string | null;
}

/** @public */
export interface Override {
  id: string;
  slot: Slot;
  /**
   * Who takes the slot; null: nobody, the slot is left empty for the span (a coordinator leaving the
   * primary line empty for one night so calls go straight to the backup). Shown as a gap, as it is.
   */
  userId: string | null;
  /** ISO instants, half-open [start, end). */
  start: string;
  end: string;
  /** When set, the override only applies while the rotation/swap would give the slot to this user. */
  replacesUserId?: string | null;
  reason?: string;
}

/** @public */
export type SwapStatus = 'requested' | 'accepted' | 'rejected' | 'cancelled';

/** @public */
export interface Swap {
  id: string;
  slot: Slot;
  fromUserId: string;
  toUserId: string;
  start: string;
  end: string;
  status: SwapStatus;
}

/** @public */
export interface Rota {
  /** The region's office hours: the rota is on duty OUT of these hours. */
  calendar: Calendar;
  rotations: Rotation[];
  overrides: Override[];
  swaps: Swap[];
}

/**
 * Who holds one slot at an instant, by which rule, and until when (null: no change within the horizon).
 * @public
 */
export interface SlotHolder {
  userId: string;
  source: 'rotation' | 'swap' | 'override';
  until: string | null;
}

/**
 * A maximal piece of out-of-hours time with constant holders. ISO instants with Brussels offset.
 * @public
 */
export interface Segment {
  start: string;
  end: string;
  primary: string | null;
  backup: string | null;
  coordinator: string | null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
// An absolute instant: date, time, and "Z" or an offset. Local times without offset are ambiguous here.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** @public */
export function isIsoInstant(s: string): boolean {
  return ISO_INSTANT.test(s) && isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));
}

const id = (field: string) => z.string({ error: `${field} must be a string` }).min(1, `${field} must not be empty`);
const slot = z.enum(SLOTS, { error: `slot must be one of ${SLOTS.join(', ')}` });
const date = (field: string) =>
  z
    .string({ error: `${field} must be a date YYYY-MM-DD` })
    .refine(isIsoDate, `${field} must be an existing date YYYY-MM-DD`);
const instant = (field: string) =>
  z
    .string({ error: `${field} must be an ISO instant` })
    .refine(isIsoInstant, `${field} must be an ISO instant with offset, e.g. 2026-10-24T17:00:00+02:00`);
const endAfterStart = (s: { start: string; end: string }) =>
  !isIsoInstant(s.start) || !isIsoInstant(s.end) || Date.parse(s.end) > Date.parse(s.start);

/** @public */
export const slotSchema = slot;

/** @public */
export const rotationSchema = z
  .object({
    id: id('id'),
    name: z.string({ error: 'name must be a string' }).optional(),
    slot,
    members: z
      .array(id('each member'), { error: 'members must be a list of user ids' })
      .min(
        1,
        say(
          'een beurtrol heeft minstens één lid nodig',
          'members must list at least one user id (a rotation cannot have an empty team)',
        ),
      ),
    startDate: date('startDate'),
    handoverTime: z
      .string({ error: 'handoverTime must be a time HH:mm' })
      .regex(HHMM, 'handoverTime must be a local time HH:mm (00:00-23:59)'),
    every: z.object(
      {
        unit: z.enum(['day', 'week'], { error: 'every.unit must be day or week' }),
        count: z
          .number({ error: 'every.count must be a number' })
          .int('every.count must be a whole number')
          .min(1, 'every.count must be at least 1'),
      },
      { error: 'every must be { unit, count }' },
    ),
    endDate: date('endDate').nullable().optional(),
  })
  .refine((r) => !r.endDate || !isIsoDate(r.endDate) || !isIsoDate(r.startDate) || r.endDate > r.startDate, {
    message: say('de einddatum moet na de begindatum liggen', 'endDate must be after startDate'),
    path: ['endDate'],
  });

/** @public */
export const overrideSchema = z
  .object({
    id: id('id'),
    slot,
    userId: id('userId').nullable(),
    start: instant('start'),
    end: instant('end'),
    replacesUserId: id('replacesUserId').nullable().optional(),
    reason: z.string({ error: 'reason must be a string' }).optional(),
  })
  .refine(endAfterStart, {
    message: say('het einde moet na het begin liggen', 'end must be after start'),
    path: ['end'],
  });

/** @public */
export const swapSchema = z
  .object({
    id: id('id'),
    slot,
    fromUserId: id('fromUserId'),
    toUserId: id('toUserId'),
    start: instant('start'),
    end: instant('end'),
    status: z.enum(['requested', 'accepted', 'rejected', 'cancelled'], {
      error: 'status must be one of requested, accepted, rejected, cancelled',
    }),
  })
  .refine(endAfterStart, {
    message: say('het einde moet na het begin liggen', 'end must be after start'),
    path: ['end'],
  })
  .refine((s) => s.fromUserId !== s.toUserId, {
    message: say('je kunt niet met jezelf ruilen', 'toUserId must differ from fromUserId'),
    path: ['toUserId'],
  });

/** @public */
export const rotaSchema = z.object({
  calendar: calendarSchema,
  rotations: z.array(rotationSchema),
  overrides: z.array(overrideSchema),
  swaps: z.array(swapSchema),
});

// Compile-time check that the schemas and the hand-written types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rotationMatches: Same<z.output<typeof rotationSchema>, Rotation> = true;
const overrideMatches: Same<z.output<typeof overrideSchema>, Override> = true;
const swapMatches: Same<z.output<typeof swapSchema>, Swap> = true;
const rotaMatches: Same<z.output<typeof rotaSchema>, Rota> = true;
void [rotationMatches, overrideMatches, swapMatches, rotaMatches];
