// Path parameters every capability shares.
import { z } from 'zod';
import { say } from '../../shared/rules/say';

/** `/:id` of any row: a UUID, refused with a message before any query runs. */
export const idParams = z.strictObject({ id: z.uuid(say('geen geldige id', 'not a valid id')) });
