import { z } from 'zod';
import { audit, auditReads } from '../audit/audit';
import { refreshLastKnownRota } from '../telephony/voice/keep-fresh';
import { defineRoute } from '../http/route';
import { createUser, newUserSchema } from './users';

export const userRoutes = [
  defineRoute({
    method: 'get', path: '/api/users', tag: 'users', roles: ['coordinator', 'admin'], personal: 'audited',
    summary: 'Staff accounts with their phone numbers (each read is audited)',
    handler: async ({ user, services: { db, clock } }) => {
      const rows = await db.selectFrom('users')
        .select(['id', 'username', 'display_name', 'role', 'phone', 'active']).orderBy('username').execute();
      await auditReads(db, clock.now(), user!.id, 'user', rows.map((r) => r.id));
      return { users: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name,
        role: r.role, phone: r.phone, active: r.active })) };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/users', tag: 'users', roles: ['admin'], status: 201,
    summary: 'Create a staff account', body: newUserSchema,
    response: z.object({ id: z.string() }),
    handler: async ({ body, user, services }) => {
      const { db, clock } = services;
      const created = await createUser(db, body);
      await audit(db, { at: clock.now(), userId: user!.id, action: 'create', subjectType: 'user', subjectId: created.id,
        detail: { username: body.username, role: body.role } });
      await refreshLastKnownRota(services); // the line knows the new phone number from the next call on
      return { id: created.id };
    },
  }),
];
