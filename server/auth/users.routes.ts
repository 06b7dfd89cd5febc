import type { z } from 'zod';
import { firstRegion } from '../region/scope';
import { audit, auditReads } from '../audit/audit';
import { refreshLastKnownRota } from '../telephony/voice/keep-fresh';
import { defineRoute, NO_CONTENT } from '../http/route';
import { createUser } from './users';
import { hashPassword } from './passwords';
import { idParams } from '../http/params';
import { newUserSchema, userChangeBody as changeSchema, userCreatedAnswer, usersAnswer } from '../../shared/api/auth';
import { fieldError, notFound } from '../http/errors';
import { say } from '../../shared/rules/say';
import type { Services } from '../services';

// A changed password, role or a disabled account ends every session of that user, and its live sockets
// on every instance, at once: whoever held the old access keeps none of it.
async function changeUser(services: Services, actorId: string, id: string, body: z.output<typeof changeSchema>) {
  const { db, clock } = services;
  const row = await db.selectFrom('users').select(['id', 'role']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(say('Deze gebruiker bestaat niet.', 'No such user.'));
  if (
    body.role === 'ocmw_staff' &&
    row.role !== 'ocmw_staff' &&
    !(await db.selectFrom('user_municipalities').select('user_id').where('user_id', '=', id).executeTakeFirst())
  ) {
    throw fieldError(
      'body.role',
      say('OCMW-medewerkers horen bij minstens één gemeente', 'OCMW staff must be scoped to at least one municipality'),
    );
  }
  const set = {
    ...(body.role ? { role: body.role } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
    ...(body.password ? { password_hash: await hashPassword(body.password) } : {}),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit(trx, {
      at: clock.now(),
      userId: actorId,
      action: 'update',
      subjectType: 'user',
      subjectId: id,
      detail: {
        role: body.role ?? row.role,
        status: body.active === false ? 'disabled' : 'active',
        ...(body.password ? { action: 'password' } : {}),
      },
    });
  });
  services.realtime.endUser(id);
}

/** @public */
export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'users',
    policy: 'users.read',
    personal: 'audited',
    summary: 'Staff accounts with their phone numbers (each read is audited)',
    response: usersAnswer,
    handler: async ({ user, services: { db, clock } }) => {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role', 'phone', 'active'])
        .orderBy('username')
        .execute();
      await auditReads(
        db,
        clock.now(),
        user!.id,
        'user',
        rows.map((r) => r.id),
      );
      return {
        users: rows.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
          phone: r.phone,
          active: r.active,
        })),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    tag: 'users',
    policy: 'users.change',
    status: 201,
    summary: 'Create a staff account',
    body: newUserSchema,
    response: userCreatedAnswer,
    handler: async ({ body, user, services }) => {
      const { db, clock } = services;
      // Without `regions`, a new account works in the admin's current region (or the first one).
      const fallback = user!.region ?? (await firstRegion(db));
      const created = await createUser(db, body, fallback ? [fallback] : []);
      await audit(db, {
        at: clock.now(),
        userId: user!.id,
        action: 'create',
        subjectType: 'user',
        subjectId: created.id,
        detail: { username: body.username, role: body.role },
      });
      await refreshLastKnownRota(services); // the line knows the new phone number from the next call on
      return { id: created.id };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    tag: 'users',
    policy: 'users.change',
    params: idParams,
    body: changeSchema,
    summary: "Change a staff account's role, password or active state; ends all its sessions and live consoles",
    response: NO_CONTENT,
    handler: async ({ params, body, user, services }) => {
      await changeUser(services, user!.id, params.id, body);
    },
  }),
];
