// The board of free places: holds, hotel counts, places, the desk ringing a place.
import { z } from 'zod';
import { nisCode } from '../rules/nis';
import { phoneSchema } from '../rules/phone';
import { say } from '../rules/say';
import { householdSchema, SUIT_TAGS } from '../rules/suitability';
import { csvList } from './common';

/** @public */
export const PLACE_TYPES = [
  'caw_noodkamer',
  'hotel',
  'crisisbed',
  'ocmw_noodwoning',
  'doorgangswoning',
  'vluchthuis',
] as const;
/** @public */
export const placeTypeSchema = z.enum(PLACE_TYPES);

/** @public */
export const boardQuery = z
  .strictObject({
    adults: z.coerce.number().int().min(0).max(20).optional(),
    children: z.coerce.number().int().min(0).max(20).optional(),
    needs: csvList(z.enum(SUIT_TAGS)).optional(),
    municipality: nisCode.optional(),
    types: csvList(placeTypeSchema).optional(),
  })
  .refine((q) => (q.adults === undefined && q.children === undefined) || (q.adults ?? 1) + (q.children ?? 0) > 0, {
    // The household the handler builds from these must hold someone; refuse here, not with a 500 there.
    path: ['adults'],
    message: say('een huishouden telt minstens één persoon', 'a household has at least one person'),
  });

/**
 * What a worker chooses when holding a place, from the board or from an intake: one definition.
 * @public
 */
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

/** @public */
export const holdBody = z.strictObject({
  ...holdChoiceShape,
  initials: z
    .string()
    .trim()
    .regex(
      /^[A-Za-zÀ-ÿ.]{1,6}$/,
      say('alleen initialen, bv. "M.K." (geen volledige namen)', 'initials only, e.g. "M.K." (no full names)'),
    ),
  household: householdSchema,
});

/** @public */
export const extendHoldBody = z.strictObject({
  minutes: z.number().int().min(5).max(240),
  reason: z
    .string()
    .trim()
    .min(3, say('zeg waarom de reservering langer moet', 'say why the hold needs longer'))
    .max(300),
});

/** @public */
export const hotelCountBody = z.strictObject({
  rooms: z.number().int().min(0).max(50),
  confirmedBy: z
    .string()
    .trim()
    .min(
      1,
      say(
        'wie van het hotel het bevestigde (bv. "receptie, Ann")',
        'who at the hotel confirmed it (e.g. "receptie, Ann")',
      ),
    )
    .max(100),
  method: z.enum(['phone', 'sms', 'console']),
});

/**
 * `/api/places/:id` (zod's own message for a malformed id).
 * @public
 */
export const placeIdParams = z.strictObject({ id: z.uuid() });

/** @public */
export const placeBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  provider: z.string().trim().min(1).max(120),
  municipalityNis: nisCode,
  type: placeTypeSchema,
  suits: z
    .array(z.enum(SUIT_TAGS))
    .min(1, say('zeg voor wie de plaats geschikt is', 'say whom the place suits'))
    .max(6),
  roomType: z.string().trim().min(1).max(60),
  capacity: z.number().int().min(1).max(100),
  costPerNightCents: z.number().int().min(0).max(100_000),
  phone: phoneSchema.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  confidentialAddress: z.boolean().default(false),
  /** Where a referrer meets the place when its address is confidential (texted instead of the address). */
  meetingPoint: z.string().trim().max(200).nullable().optional(),
  active: z.boolean().default(true),
});

const holdOnBoard = z.object({
  id: z.string(),
  unit: z.number(),
  initials: z.string(),
  status: z.enum(['held', 'placed']),
  /** The household it was held for (null for holds made before households were stored). */
  household: z.object({ adults: z.number(), children: z.number(), needs: z.array(z.string()) }).nullable(),
  expiresAt: z.string(),
  /** When the person arrived (status placed). */
  placedAt: z.string().nullable(),
  createdBy: z.string(),
});

/** @public */
export const placeOnBoard = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  type: placeTypeSchema,
  suits: z.array(z.enum(SUIT_TAGS)),
  roomType: z.string(),
  municipality: z.object({ nis: z.string(), name: z.string(), eerstelijnszone: z.string() }),
  costPerNightCents: z.number(),
  phone: z.string().nullable(),
  confidentialAddress: z.boolean(),
  meetingPoint: z.string().nullable(),
  /** Null for a confidential address the reader's role may not see. */
  address: z.string().nullable(),
  units: z.number(),
  free: z.number(),
  /** What of the household's needs the place does not meet. */
  unmet: z.array(z.string()),
  suitable: z.boolean(),
  /** 0 same municipality, 1 same eerstelijnszone, 2 further. */
  distance: z.number(),
  hotelCount: z
    .object({
      rooms: z.number(),
      confirmedBy: z.string(),
      method: z.enum(['phone', 'sms', 'console']),
      confirmedAt: z.string(),
      stale: z.boolean(),
    })
    .nullable(),
  holds: z.array(holdOnBoard),
});
/** @public */
export type Place = z.output<typeof placeOnBoard>;
/** @public */
export type Hold = Place['holds'][number];

/**
 * A neighbouring region's suitable free places, shown only when nothing suitable is free here (issue 15).
 * @public
 */
export const neighbourOffer = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  /** Whether the two regions agreed that this desk may hold their places. */
  holdsAllowed: z.boolean(),
  freePlaces: z.number(),
  freeUnits: z.number(),
  places: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: placeTypeSchema,
      municipality: z.string(),
      free: z.number(),
      phone: z.string().nullable(),
      countedAt: z.string().nullable(),
      stale: z.boolean(),
    }),
  ),
});

/**
 * A hold this region's desk made on a neighbouring region's place (issue 15 part 4): on the holder's board, with the
 * neighbour's name, so its countdown, "arrived" and release are at hand as for the region's own holds.
 * @public
 */
export const heldAtNeighbour = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  place: z.object({
    id: z.string(),
    name: z.string(),
    type: placeTypeSchema,
    municipality: z.string(),
    phone: z.string().nullable(),
  }),
  hold: holdOnBoard,
});

/** @public */
export const boardAnswer = z.object({
  at: z.string(),
  night: z.string(),
  /** The region whose board this is, and its version: a newer one replaces an older one, never the reverse. */
  region: z.string(),
  version: z.number(),
  /** The reading this board was seen from (shared/rules/board-patch.ts): a `board:changed` patch applies to it. */
  reading: z.string(),
  places: z.array(placeOnBoard),
  /** This desk's holds on neighbouring regions' places (held or placed). */
  heldAtNeighbours: z.array(heldAtNeighbour),
  neighbours: z.array(neighbourOffer),
});
/** @public */
export type Board = z.output<typeof boardAnswer>;

/** @public */
export const heldAnswer = z.object({ id: z.string(), placeId: z.string(), unit: z.number(), expiresAt: z.string() });
/** @public */
export const holdChangedAnswer = z.object({
  id: z.string(),
  status: z.enum(['held', 'placed', 'released', 'expired', 'ended']),
  expiresAt: z.string(),
});
/** @public */
export const hotelCountAnswer = z.object({ placeId: z.string(), night: z.string(), rooms: z.number() });
/** @public */
export const hotelsAskedAnswer = z.object({ asked: z.number() });
/** @public */
export const placeSavedAnswer = z.object({ id: z.string() });
/** @public */
export const callThroughAnswer = z.object({ callSid: z.string(), ringing: z.string() });

/**
 * The board a `board:changed` event carries: the role scope's places, not yet seen for a household.
 * @public
 */
export const boardOfEvent = z.object({
  at: z.string(),
  night: z.string(),
  region: z.string(),
  version: z.number(),
  reading: z.string(),
  places: z.array(placeOnBoard.omit({ unmet: true, suitable: true, distance: true })),
  heldAtNeighbours: z.array(heldAtNeighbour),
});

/**
 * What a `board:changed` carries when the server holds the reading before the change: only the places whose
 * row changed (whole) and those gone, for the console holding reading `base` (shared/rules/board-patch.ts);
 * with the shift summary's board figures of the whole scope, which a filtered board cannot count.
 * @public
 */
export const boardPatchOfEvent = boardOfEvent.extend({
  base: z.string(),
  removed: z.array(z.string()),
  counts: z.object({ holds: z.number(), placed: z.number(), staleHotels: z.number() }),
});
