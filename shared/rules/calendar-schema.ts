/**
 * Weekly hours and closure calendars, as types and as zod schemas for config coming from a
 * region file or an admin form. Intervals are same-day, half-open [start, end): open at `start`,
 * closed again at `end`. "24:00" is allowed as an end so an interval can run to midnight.
 */
import { z } from 'zod';
import { isHhmm, isIsoDate, minutesOf } from './wall-clock';

/** @public */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** @public */
export type Weekday = (typeof WEEKDAYS)[number];

/** @public */
export type Interval = { start: string; end: string };
/** @public */
export type WeeklyHours = Partial<Record<Weekday, Interval[]>>;
/** @public */
export type Calendar = {
  hours: WeeklyHours;
  /** Extra whole closed days (YYYY-MM-DD), e.g. 11 Jul, 2 Nov, 15 Nov, 26 Dec. */
  closureDays?: string[];
  /** Closed on the 10 Belgian public holidays; default true. */
  observePublicHolidays?: boolean;
};

const hhmm = z.string().refine(isHhmm, { message: 'time must be HH:mm (00:00-23:59, or 24:00 as an end)' });

/** @public */
export const intervalSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((i) => !isHhmm(i.start) || !isHhmm(i.end) || minutesOf(i.end) > minutesOf(i.start), {
    message: 'end must be after start (intervals cannot cross midnight; split them over two days)',
    path: ['end'],
  })
  .refine((i) => i.start !== '24:00', { message: 'start cannot be 24:00', path: ['start'] });

const dayIntervals = z.array(intervalSchema).superRefine((list, ctx) => {
  const sorted = [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && minutesOf(cur.start) < minutesOf(prev.end)) {
      ctx.addIssue({
        code: 'custom',
        message: `intervals overlap: ${prev.start}-${prev.end} and ${cur.start}-${cur.end}`,
      });
    }
  }
});

/** @public */
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, dayIntervals.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof dayIntervals>
  >,
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `weekday must be one of ${WEEKDAYS.join(', ')}` : undefined) },
);

const isoDate = z.string().refine(isIsoDate, { message: 'date must be an existing YYYY-MM-DD date' });

/** @public */
export const calendarSchema = z.strictObject({
  hours: weeklyHoursSchema,
  closureDays: z.array(isoDate).optional(),
  observePublicHolidays: z.boolean().optional(),
});

// Compile-time check that the schemas and the hand-written types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.output<typeof calendarSchema>, Calendar> = true;
void schemaMatchesType;
