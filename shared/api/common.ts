// Pieces every part of the contract uses: roles, instants as the wire carries them, the error body,
// a sentence in both languages. Answers are described as they travel (JSON): dates are ISO strings.
import { z } from 'zod';
import { say } from '../rules/say';

/** @public */
export const ROLES = ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'] as const;
/** @public */
export const roleSchema = z.enum(ROLES);
/** @public */
export type Role = z.output<typeof roleSchema>;

/**
 * `/:id` of any row: a UUID, refused with a message before any query runs.
 * @public
 */
export const idParams = z.strictObject({ id: z.uuid(say('geen geldige id', 'not a valid id')) });

/**
 * An instant in an answer (`Date.toISOString()` or with the Brussels offset).
 * @public
 */
export const instant = z.string();
/**
 * A local date in an answer, YYYY-MM-DD.
 * @public
 */
export const isoDay = z.string();

/**
 * A sentence in Dutch and English (rules and reasons carry both; the console shows its language).
 * @public
 */
export const reasonSchema = z.object({ nl: z.string(), en: z.string() });

/**
 * Every error body: `error` always, the rest depending on the status (a conflict may name the other record).
 * @public
 */
export const errorSchema = z.looseObject({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().optional(),
  lockedUntil: z.string().optional(),
});
/** @public */
export type ErrorBody = z.output<typeof errorSchema>;

/**
 * A comma-separated query value (`?needs=women,children`) read as a list of the given items.
 * @public
 */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item));

/**
 * `{ id }`: what most creations answer.
 * @public
 */
export const idAnswer = z.object({ id: z.string() });
