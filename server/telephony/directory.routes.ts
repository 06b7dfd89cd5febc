// Known callers: the numbers of police zones, emergency departments and services, so the screening
// message can say who is calling. Numbers are stored in E.164, typed as people write them. Each region's desk
// keeps its own entries (issue 15): the routes show and change the user's current region's only; a number is
// known once across regions, and the screening names it whichever line it calls.
import { directoryAddedAnswer, directoryAnswer, directoryBody } from '../../shared/api/calls';
import { placeIdParams as uuidParams } from '../../shared/api/board';
import { audit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { defineRoute, NO_CONTENT } from '../http/route';
import { refreshLastKnownRota } from './voice/keep-fresh';
import { say } from '../../shared/rules/say';
import { regionOf } from '../region/scope';

/** @public */
export const directoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/directory',
    tag: 'calls',
    policy: 'directory.read',
    personal: 'request',
    summary: "Known callers (police, hospitals, services) of the user's current region",
    response: directoryAnswer,
    handler: async ({ user, services: { db } }) => ({
      entries: await db
        .selectFrom('directory')
        .select(['id', 'number', 'name', 'kind', 'language'])
        .where('region_code', '=', regionOf(user!))
        .orderBy('kind')
        .orderBy('name')
        .execute(),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/directory',
    tag: 'calls',
    policy: 'directory.change',
    status: 201,
    body: directoryBody,
    response: directoryAddedAnswer,
    summary: "Add a known caller to the user's current region",
    handler: async ({ body, user, services }) => {
      const { db, clock } = services;
      const region = regionOf(user!);
      const row = await db
        .insertInto('directory')
        .values({ ...body, region_code: region })
        .onConflict((oc) => oc.column('number').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        const known = await db
          .selectFrom('directory')
          .innerJoin('regions', 'regions.code', 'directory.region_code')
          .select(['directory.region_code', 'regions.name'])
          .where('directory.number', '=', body.number)
          .executeTakeFirst();
        if (known && known.region_code !== region)
          throw conflict(
            say(
              `${body.number} staat al in de lijst van regio ${known.name}.`,
              `${body.number} is already in region ${known.name}'s directory.`,
            ),
          );
        throw conflict(say(`${body.number} staat al in de lijst.`, `${body.number} is already in the directory.`));
      }
      await audit(db, {
        at: clock.now(),
        userId: user!.id,
        action: 'create',
        subjectType: 'directory',
        subjectId: row.id,
      });
      await refreshLastKnownRota(services); // the next screening names this caller
      return { id: row.id, number: body.number };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/directory/:id',
    tag: 'calls',
    policy: 'directory.change',
    params: uuidParams,
    response: NO_CONTENT,
    summary: "Remove a known caller of the user's current region",
    handler: async ({ params, user, services }) => {
      const { db, clock } = services;
      const gone = await db
        .deleteFrom('directory')
        .where('id', '=', params.id)
        .where('region_code', '=', regionOf(user!))
        .returning('id')
        .executeTakeFirst();
      if (!gone) throw notFound(say('Dit nummer staat niet in de lijst.', 'No such directory entry.'));
      await audit(db, {
        at: clock.now(),
        userId: user!.id,
        action: 'delete',
        subjectType: 'directory',
        subjectId: params.id,
      });
      await refreshLastKnownRota(services);
    },
  }),
];
