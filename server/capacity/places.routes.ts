// Places are managed by the coordinator. A place is never deleted (holds and placements refer to
// it): it is switched off with `active: false`.
import type { z } from 'zod';
import { placeBody, placeIdParams, placeSavedAnswer } from '../../shared/api/board';
import { audit } from '../audit/audit';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { fieldError, notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import { announceBoard } from './expiry';
import { regionOf } from '../region/scope';
import { say } from '../../shared/rules/say';

const columns = (b: z.output<typeof placeBody>) => ({
  name: b.name,
  provider: b.provider,
  municipality_nis: b.municipalityNis,
  type: b.type,
  suits: JSON.stringify(b.suits),
  room_type: b.roomType,
  capacity: b.capacity,
  cost_per_night_cents: b.costPerNightCents,
  phone: b.phone ?? null,
  address: b.address ?? null,
  confidential_address: b.confidentialAddress,
  active: b.active,
  ...(b.meetingPoint !== undefined ? { meeting_point: b.meetingPoint || null } : {}), // left out: kept as it is
});

/**
 * A place lies in the user's current region (issue 15): a municipality outside it, or outside every region, is
 * refused with 400 naming the field. An admin of several regions switches region first.
 */
async function checkInRegion(db: Kysely<Database>, nis: string, region: string): Promise<void> {
  const m = await db
    .selectFrom('municipalities')
    .leftJoin('regions', 'regions.code', 'municipalities.region_code')
    .select(['municipalities.region_code', 'municipalities.name', 'regions.name as region_name'])
    .where('municipalities.nis', '=', nis)
    .executeTakeFirst();
  if (!m) throw fieldError('body.municipalityNis', say(`onbekende gemeente ${nis}`, `unknown municipality ${nis}`));
  if (!m.region_code) {
    throw fieldError(
      'body.municipalityNis',
      say(
        `${m.name} (${nis}) hoort niet bij een regio van de permanentie`,
        `${m.name} (${nis}) is not in a region the desk serves`,
      ),
    );
  }
  if (m.region_code !== region) {
    throw fieldError(
      'body.municipalityNis',
      say(
        `${m.name} (${nis}) ligt in regio ${m.region_name}, niet in de regio waarin je werkt`,
        `${m.name} (${nis}) lies in region ${m.region_name}, not in the region you are working in`,
      ),
    );
  }
}

/** @public */
export const placeRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/places',
    tag: 'board',
    policy: 'places.change',
    body: placeBody,
    status: 201,
    response: placeSavedAnswer,
    summary: 'Add a place',
    handler: async ({ body, user, services }) => {
      const { db, clock } = services;
      const regionCode = regionOf(user!);
      await checkInRegion(db, body.municipalityNis, regionCode);
      const row = await db
        .insertInto('places')
        .values({ ...columns(body), region_code: regionCode })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, { at: clock.now(), userId: user!.id, action: 'create', subjectType: 'place', subjectId: row.id });
      announceBoard(services, row.id);
      return { id: row.id };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/places/:id',
    tag: 'board',
    policy: 'places.change',
    body: placeBody,
    params: placeIdParams,
    response: placeSavedAnswer,
    summary: 'Change a place (or switch it off with active: false)',
    handler: async ({ params, body, user, services }) => {
      const { db, clock } = services;
      const region = regionOf(user!);
      // Another region's place is not there for this user: 404, whatever the body says.
      const current = await db
        .selectFrom('places')
        .select('id')
        .where('id', '=', params.id)
        .where('region_code', '=', region)
        .executeTakeFirst();
      if (!current) throw notFound(say('Deze plaats bestaat niet.', 'No such place.'));
      await checkInRegion(db, body.municipalityNis, region);
      const row = await db
        .updateTable('places')
        .set(columns(body))
        .where('id', '=', params.id)
        .where('region_code', '=', region)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw notFound(say('Deze plaats bestaat niet.', 'No such place.'));
      await audit(db, { at: clock.now(), userId: user!.id, action: 'update', subjectType: 'place', subjectId: row.id });
      announceBoard(services, row.id);
      return { id: row.id };
    },
  }),
];
