// The rota API: request schemas (semantic rules, overlaps and turn order, are the shared calculator's) and answers.
import { z } from 'zod';
import { say } from '../rules/say';
import { SLOTS } from '../rules/rota/model';
import { roleSchema } from './common';

const slot = z.enum(SLOTS);
const instant = z.iso.datetime({
  offset: true,
  message: say(
    'verwacht een ISO-tijdstip met tijdzone, bv. 2026-10-24T17:00:00+02:00',
    'expected an ISO date-time with offset, e.g. 2026-10-24T17:00:00+02:00',
  ),
});
const isoDate = z.iso.date({ message: say('verwacht een datum JJJJ-MM-DD', 'expected a date YYYY-MM-DD') });
const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, say('verwacht een tijd UU:MM', 'expected a local time HH:mm'));

const span = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, start: instant, end: instant }).refine(
    (s) => {
      const v = s as unknown as { start: string; end: string };
      return Date.parse(v.end) > Date.parse(v.start);
    },
    { path: ['end'], message: say('het einde moet na het begin liggen', 'end must be after start') },
  );

/** @public */
export const rotationBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slot,
  members: z
    .array(z.uuid(say('een lid moet een gebruikers-id zijn', 'a member must be a user id')))
    .min(1, say('een beurtrol heeft minstens één lid nodig', 'a rotation needs at least one member'))
    .max(50),
  startDate: isoDate,
  handoverTime: hhmm,
  every: z.strictObject({ unit: z.enum(['day', 'week']), count: z.number().int().min(1).max(52) }),
  endDate: isoDate.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

/** @public */
export const overrideBody = span({
  slot,
  /** null: nobody, the slot stays empty for the span. */
  userId: z.uuid().nullable(),
  replacesUserId: z.uuid().nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});

/** @public */
export const swapBody = span({
  slot,
  fromUserId: z.uuid(),
  toUserId: z.uuid(),
  note: z.string().trim().max(500).optional(),
}).refine((s) => s.fromUserId !== s.toUserId, {
  path: ['toUserId'],
  message: say('je kunt niet met jezelf ruilen', 'cannot swap with yourself'),
});

/** @public */
export const rangeQuery = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), {
    path: ['to'],
    message: say('"tot" moet na "van" liggen', 'to must be after from'),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    path: ['to'],
    message: say('een periode is hoogstens 62 dagen', 'a range is at most 62 days'),
  });

/** @public */
export const gapsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(62).default(14) });

const person = z
  .object({
    userId: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    source: z.enum(['rotation', 'swap', 'override']),
    until: z.string().nullable(),
  })
  .nullable();

/** @public */
export const onCallAnswer = z.object({
  at: z.string(),
  outOfHours: z.boolean(),
  /** Where the line goes inside office hours. */
  dayNumber: z.string().nullable(),
  primary: person,
  backup: person,
  coordinator: person,
  nextHandover: z.string().nullable(),
});
/** @public */
export type OnCallNow = z.output<typeof onCallAnswer>;
/** @public */
export type OnCallPerson = NonNullable<OnCallNow['primary']>;

/**
 * A stretch of out-of-hours time with constant holders (user ids; null: nobody).
 * @public
 */
export const segmentSchema = z.object({
  start: z.string(),
  end: z.string(),
  primary: z.string().nullable(),
  backup: z.string().nullable(),
  coordinator: z.string().nullable(),
});

/** @public */
export const rotationSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  slot,
  members: z.array(z.string()),
  startDate: z.string(),
  handoverTime: z.string(),
  every: z.object({ unit: z.enum(['day', 'week']), count: z.number() }),
  endDate: z.string().nullable().optional(),
});
/** @public */
export const overrideSchema = z.object({
  id: z.string(),
  slot,
  userId: z.string().nullable(),
  replacesUserId: z.string().nullable().optional(),
  start: z.string(),
  end: z.string(),
  reason: z.string().optional(),
});
/** @public */
export const swapSchema = z.object({
  id: z.string(),
  slot,
  fromUserId: z.string(),
  toUserId: z.string(),
  status: z.enum(['requested', 'accepted', 'rejected', 'cancelled']),
  start: z.string(),
  end: z.string(),
});

/** @public */
export const rotaAnswer = z.object({
  from: z.string(),
  to: z.string(),
  segments: z.array(segmentSchema),
  rotations: z.array(rotationSchema),
  overrides: z.array(overrideSchema),
  swaps: z.array(swapSchema),
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});
/** @public */
export type RotaRange = z.output<typeof rotaAnswer>;

/** @public */
export const gapsAnswer = z.object({
  noPrimary: z.array(segmentSchema),
  warnings: z.array(segmentSchema.extend({ missing: z.array(slot) })),
});

/** @public */
export const nightAlertsAnswer = z.object({
  nightGaps: z.array(
    z.object({
      night: z.object({ date: z.string(), start: z.string(), end: z.string() }),
      gaps: z.array(segmentSchema),
    }),
  ),
});

/** @public */
export const shiftSchema = z.object({ start: z.string(), end: z.string(), slot });
/** @public */
export const myShiftsAnswer = z.object({ shifts: z.array(shiftSchema) });
/** @public */
export const icalLinkAnswer = z.object({ url: z.string() });
/** @public */
export const icalParams = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, say('geen agendalink', 'not a calendar link')),
});

/** @public */
export const swapDecisionAnswer = z.object({ id: z.string(), status: swapSchema.shape.status });

/** @public */
export const nightSheetAnswer = z.object({
  at: z.string(),
  /** The desk's night (YYYY-MM-DD, noon to noon) the sheet is for. */
  night: z.string(),
  region: z.string(),
  /** The instant the duty below holds: now when out of office hours, else 22:00 this evening. */
  dutyAt: z.string(),
  duty: z.object({ primary: person, backup: person, coordinator: person }),
  places: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      municipality: z.string(),
      free: z.number(),
      units: z.number(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      confidentialAddress: z.boolean(),
    }),
  ),
  ocmws: z.array(
    z.object({
      municipality: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
/** @public */
export type NightSheet = z.output<typeof nightSheetAnswer>;
