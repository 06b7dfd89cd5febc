// Known callers: the numbers of police zones, emergency departments and services, so the screening
// message can say who is calling. Numbers are stored in E.164, typed as people write them.
import { directoryAddedAnswer, directoryAnswer, directoryBody } from '../../shared/api/calls';
import { placeIdParams as uuidParams } from '../../shared/api/board';
import { audit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { defineRoute, NO_CONTENT } from '../http/route';
import { refreshLastKnownRota } from './voice/keep-fresh';
import { say } from '../../shared/rules/say';

/** @public */
export const directoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/directory',
    tag: 'calls',
    policy: 'directory.read',
    personal: 'request',
    summary: 'Known callers (police, hospitals, services)',
    response: directoryAnswer,
    handler: async ({ services: { db } }) => ({
      entries: await db
        .selectFrom('directory')
        .select(['id', 'number', 'name', 'kind', 'language'])
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
    summary: 'Add a known caller',
    handler: async ({ body, user, services }) => {
      const { db, clock } = services;
      const row = await db
        .insertInto('directory')
        .values(body)
        .onConflict((oc) => oc.column('number').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row)
        throw conflict(say(`${body.number} staat al in de lijst.`, `${body.number} is already in the directory.`));
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
    summary: 'Remove a known caller',
    handler: async ({ params, user, services }) => {
      const { db, clock } = services;
      const gone = await db.deleteFrom('directory').where('id', '=', params.id).returning('id').executeTakeFirst();
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
