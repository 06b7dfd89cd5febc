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

/** A place lies in one of the desk's regions: a municipality outside them is refused, naming the field. */
async function regionOfPlace(db: Kysely<Database>, nis: string): Promise<string> {
  const m = await db
    .selectFrom('municipalities')
    .select(['region_code', 'name'])
    .where('nis', '=', nis)
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
  return m.region_code;
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
      const regionCode = await regionOfPlace(db, body.municipalityNis);
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
      const regionCode = await regionOfPlace(db, body.municipalityNis);
      const current = await db
        .selectFrom('places')
        .select('region_code')
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (current && current.region_code !== regionCode) {
        throw fieldError(
          'body.municipalityNis',
          say(
            `${body.municipalityNis} ligt buiten de regio van deze plaats`,
            `${body.municipalityNis} lies outside this place's region`,
          ),
        );
      }
      const row = await db
        .updateTable('places')
        .set(columns(body))
        .where('id', '=', params.id)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw notFound(say('Deze plaats bestaat niet.', 'No such place.'));
      await audit(db, { at: clock.now(), userId: user!.id, action: 'update', subjectType: 'place', subjectId: row.id });
      announceBoard(services, row.id);
      return { id: row.id };
    },
  }),
];
