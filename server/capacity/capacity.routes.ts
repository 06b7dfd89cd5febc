import { z } from 'zod';
import { nightOf } from '../../shared/rules/night';
import { householdSchema, SUIT_TAGS } from '../../shared/rules/suitability';
import { audit } from '../audit/audit';
import type { PlaceType, Role } from '../db/schema';
import { notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import { boardCache } from './board-cache';
import { announceBoard } from './expiry';
import { changeHold, createHold } from './holds';
import { askHotels } from './hotel-sms';
import { regionSettings } from '../region/settings';
import { nisCode } from '../../shared/rules/nis';
import { say } from '../../shared/rules/say';
import { idParams } from '../http/params';
import { holdChoiceShape } from './hold.schema';

const TYPES = [
  'caw_noodkamer',
  'hotel',
  'crisisbed',
  'ocmw_noodwoning',
  'doorgangswoning',
  'vluchthuis',
] as const satisfies readonly PlaceType[];
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item));

const boardQuery = z
  .strictObject({
    adults: z.coerce.number().int().min(0).max(20).optional(),
    children: z.coerce.number().int().min(0).max(20).optional(),
    needs: csv(z.enum(SUIT_TAGS)).optional(),
    municipality: nisCode.optional(),
    types: csv(z.enum(TYPES)).optional(),
  })
  .refine((q) => (q.adults === undefined && q.children === undefined) || (q.adults ?? 1) + (q.children ?? 0) > 0, {
    // The household the handler builds from these must hold someone; refuse here, not with a 500 there.
    path: ['adults'],
    message: say('een huishouden telt minstens één persoon', 'a household has at least one person'),
  });

export const capacityRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/board',
    tag: 'board',
    policy: 'places.read',
    query: boardQuery,
    summary:
      'Every place with what is free tonight, its holds, and whether it suits the household; with the board version and an ETag (If-None-Match: 304)',
    handler: async ({ query, user, req, res, services }) => {
      const household =
        query.adults !== undefined || query.children !== undefined || query.needs
          ? householdSchema.parse({
              adults: query.adults ?? 1,
              children: query.children ?? 0,
              needs: query.needs ?? [],
            })
          : undefined;
      const filter = { household, municipality: query.municipality, types: query.types };
      const key = JSON.stringify([household ?? null, query.municipality ?? null, query.types ?? null]);
      const { etag, rest } = await boardCache(services).answer(services, user!.role, filter, key);
      res.set('ETag', etag);
      if (req.get('if-none-match') === etag) {
        res.status(304).end();
        return;
      }
      res
        .status(200)
        .type('json')
        .send(`{"at":${JSON.stringify(services.clock.now().toISOString())},${rest}`);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/holds',
    tag: 'board',
    policy: 'holds.change',
    status: 201,
    body: z.strictObject({
      ...holdChoiceShape,
      initials: z
        .string()
        .trim()
        .regex(
          /^[A-Za-zÀ-ÿ.]{1,6}$/,
          say('alleen initialen, bv. "M.K." (geen volledige namen)', 'initials only, e.g. "M.K." (no full names)'),
        ),
      household: householdSchema,
    }),
    summary: 'Hold a place for a named person until it expires (default 60 minutes)',
    handler: ({ body, user, services }) => createHold(services, user!, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/holds/:id/extend',
    tag: 'board',
    policy: 'holds.change',
    params: idParams,
    body: z.strictObject({
      minutes: z.number().int().min(5).max(240),
      reason: z
        .string()
        .trim()
        .min(3, say('zeg waarom de reservering langer moet', 'say why the hold needs longer'))
        .max(300),
    }),
    summary: 'Give a hold more time, with a reason',
    handler: ({ params, body, user, services }) => changeHold(services, user!, params.id, 'extend', body),
  }),
  ...(['place', 'release', 'end'] as const).map((action) =>
    defineRoute({
      method: 'post',
      path: `/api/holds/:id/${action}`,
      tag: 'board',
      policy: 'holds.change',
      params: idParams,
      summary: {
        place: 'Refused (409 intake_required): a board hold is placed through its intake, POST /api/intakes/:id/place',
        release: 'Let the place go',
        end: 'Check-out: the placement ends',
      }[action],
      handler: ({ params, user, services }) => changeHold(services, user!, params.id, action),
    }),
  ),
  defineRoute({
    method: 'post',
    path: '/api/places/:id/count',
    tag: 'board',
    policy: 'places.count',
    params: idParams,
    status: 201,
    body: z.strictObject({
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
    }),
    summary: 'Record how many rooms a partner hotel gives the desk tonight (including ones already held)',
    handler: async ({ params, body, user, services }) => {
      const { db, clock } = services;
      const now = clock.now();
      const place = await db.selectFrom('places').select(['id', 'type']).where('id', '=', params.id).executeTakeFirst();
      if (!place || place.type !== 'hotel')
        throw notFound(say('Geen partnerhotel met deze id.', 'No partner hotel with this id.'));
      const row = {
        place_id: place.id,
        night: nightOf(now),
        rooms: body.rooms,
        confirmed_by: body.confirmedBy,
        method: body.method,
        confirmed_at: now,
        recorded_by: user!.id,
      };
      await db
        .insertInto('hotel_counts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['place_id', 'night']).doUpdateSet({
            rooms: body.rooms,
            confirmed_by: body.confirmedBy,
            method: body.method,
            confirmed_at: now,
            recorded_by: user!.id,
          }),
        )
        .execute();
      await audit(db, {
        at: now,
        userId: user!.id,
        action: 'update',
        subjectType: 'hotel_count',
        subjectId: place.id,
        detail: { rooms: body.rooms },
      });
      announceBoard(services, place.id);
      return { placeId: place.id, night: row.night, rooms: body.rooms };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/hotels/ask',
    tag: 'board',
    policy: 'places.count',
    summary: 'Text every partner hotel: how many rooms tonight? (once per night; a numeric reply updates the board)',
    handler: async ({ services }) => ({ asked: await askHotels(services) }),
  }),
];
