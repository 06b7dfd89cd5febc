import { nightOf } from '../../shared/rules/night';
import { householdSchema } from '../../shared/rules/suitability';
import { audit } from '../audit/audit';
import type { Role } from '../db/schema';
import { notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import {
  boardAnswer,
  boardQuery,
  extendHoldBody,
  heldAnswer,
  holdBody,
  holdChangedAnswer,
  hotelCountAnswer,
  hotelCountBody,
  hotelsAskedAnswer,
} from '../../shared/api/board';
import { boardCache, escapeJson } from './board-cache';
import { announceBoard } from './expiry';
import { changeHold, createHold } from './holds';
import { askHotels } from './hotel-sms';
import { regionOf } from '../region/scope';
import { neighbourOffers } from './solidarity';
import { regionSettings } from '../region/settings';
import { say } from '../../shared/rules/say';
import { idParams } from '../http/params';

/** @public */
export const capacityRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/board',
    tag: 'board',
    policy: 'places.read',
    query: boardQuery,
    response: boardAnswer,
    summary:
      'Every place with what is free tonight, its holds, and whether it suits the household; with the board version and an ETag (If-None-Match: 304)',
    handler: async ({ query, user, req, res, services }) => {
      const region = regionOf(user!);
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
      const cache = boardCache(services);
      const { etag, rest, suitableFree } = await cache.answer(services, user!.role, region, filter, key);
      const at = `{"at":${JSON.stringify(services.clock.now().toISOString())},`;
      if (!suitableFree) {
        // Solidarity across regions (issue 15 part 4): the neighbours' free places, only when nothing suitable
        // is free here. They change with the neighbours' boards, not this one: no ETag then.
        const neighbours = await neighbourOffers(services.db, services.clock.now(), region, household);
        res
          .status(200)
          .type('json')
          .send(`${at}${rest.slice(0, -1)},"neighbours":${escapeJson(JSON.stringify(neighbours))}}`);
        return;
      }
      res.set('ETag', etag);
      if (req.get('if-none-match') === etag) {
        res.status(304).end();
        return;
      }
      res
        .status(200)
        .type('json')
        .send(`${at}${rest.slice(0, -1)},"neighbours":[]}`);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/holds',
    tag: 'board',
    policy: 'holds.change',
    status: 201,
    body: holdBody,
    response: heldAnswer,
    summary: 'Hold a place for a named person until it expires (default 60 minutes)',
    handler: ({ body, user, services }) => createHold(services, user!, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/holds/:id/extend',
    tag: 'board',
    policy: 'holds.change',
    params: idParams,
    body: extendHoldBody,
    response: holdChangedAnswer,
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
      response: holdChangedAnswer,
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
    body: hotelCountBody,
    response: hotelCountAnswer,
    summary: 'Record how many rooms a partner hotel gives the desk tonight (including ones already held)',
    handler: async ({ params, body, user, services }) => {
      const { db, clock } = services;
      const now = clock.now();
      // Only a hotel of the user's current region: another region's counts are that region's desk's to record.
      const place = await db
        .selectFrom('places')
        .select(['id', 'type'])
        .where('id', '=', params.id)
        .where('region_code', '=', regionOf(user!))
        .executeTakeFirst();
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
    summary:
      "Text the region's partner hotels: how many rooms tonight? (once per night; a numeric reply updates the board)",
    response: hotelsAskedAnswer,
    handler: async ({ services, user }) => ({ asked: await askHotels(services, regionOf(user!)) }),
  }),
];
