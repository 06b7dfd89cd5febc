// What a worker chooses when holding a place, from the board or from an intake: one definition.
import { z } from 'zod';
import { say } from '../../shared/rules/say';

export const holdChoiceShape = {
  placeId: z.uuid(say('geen geldige plaats-id', 'not a valid place id')),
  minutes: z.number().int().min(15).max(240).optional(),
  /** A place that does not suit the household may still be held, with a reason. */
  overrideReason: z
    .string()
    .trim()
    .min(
      5,
      say(
        'leg in een paar woorden uit waarom deze plaats toch past',
        'explain in a few words why this place is still right',
      ),
    )
    .max(500)
    .optional(),
};
