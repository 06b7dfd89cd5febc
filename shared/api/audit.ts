// The audit trail and the per-person access report (GDPR art. 15).
import { z } from 'zod';
import { say } from '../rules/say';
import { isIsoDate } from '../rules/wall-clock';
import { roleSchema } from './common';

/** @public */
export const auditQuery = z.strictObject({
  subjectType: z.string().min(1).max(50).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  userId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What was done, as stored: structured fields; free text about people is left out for readers who are not the desk. */
const detail = z.record(z.string(), z.unknown()).nullable();

/** @public */
export const auditAnswer = z.object({
  entries: z.array(
    z.object({
      /** bigserial: node-postgres sends 64-bit integers as a string, PGlite as a number. */
      id: z.union([z.string(), z.number()]),
      at: z.string(),
      userId: z.string().nullable(),
      username: z.string().nullable(),
      action: z.enum(['read', 'create', 'update', 'delete', 'login', 'logout', 'login_failed']),
      subjectType: z.string(),
      subjectId: z.string().nullable(),
      detail,
    }),
  ),
});

// A POST with a body, never a query string: a name and birth date in a URL end up in proxy and access logs.
/** @public */
export const accessReportBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    birthDate: z
      .string()
      .refine(isIsoDate, say('geen bestaande datum (JJJJ-MM-DD)', 'not an existing date (YYYY-MM-DD)'))
      .optional(),
    intakeId: z.uuid(say('geen geldige id', 'not a valid id')).optional(),
  })
  .refine((q) => q.intakeId || (q.name && q.birthDate), {
    message: say('geef een intakeId, of een naam en een geboortedatum', 'give an intakeId, or a name and a birthDate'),
    path: ['name'],
  });

/** @public */
export const accessReportAnswer = z.object({
  intakes: z.array(z.object({ id: z.string(), createdAt: z.string() })),
  entries: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      /** The reader's display name, or "systeem" for the desk's own jobs. */
      by: z.string(),
      role: roleSchema.nullable(),
      detail,
      intakeId: z.string().nullable(),
      /** Set for a read of a wooncel registration made from this person's handoff. */
      record: z.literal('housing_registration').optional(),
    }),
  ),
});
