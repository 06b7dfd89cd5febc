// Request schemas of the rota API. Semantic rules (overlaps, turn order) are the shared calculator's.
import { z } from 'zod';
import { say } from '../../shared/rules/say';

const slot = z.enum(['primary', 'backup', 'coordinator']);
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

export const overrideBody = span({
  slot,
  /** null: nobody, the slot stays empty for the span. */
  userId: z.uuid().nullable(),
  replacesUserId: z.uuid().nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});

export const swapBody = span({
  slot,
  fromUserId: z.uuid(),
  toUserId: z.uuid(),
  note: z.string().trim().max(500).optional(),
}).refine((s) => s.fromUserId !== s.toUserId, {
  path: ['toUserId'],
  message: say('je kunt niet met jezelf ruilen', 'cannot swap with yourself'),
});

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

export const gapsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(62).default(14) });
