import { z } from 'zod';
import { defineRoute } from '../http/route';

const auditQuery = z.strictObject({
  subjectType: z.string().min(1).max(50).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  userId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes = [
  defineRoute({
    method: 'get', path: '/api/audit', tag: 'audit', roles: ['admin'],
    summary: 'The audit trail, newest first: who read or changed which record',
    query: auditQuery,
    handler: async ({ query, services: { db } }) => {
      let q = db.selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select(['audit_log.id', 'audit_log.at', 'audit_log.user_id', 'users.username', 'audit_log.action',
          'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.detail'])
        .orderBy('audit_log.id', 'desc').limit(query.limit);
      if (query.subjectType) q = q.where('audit_log.subject_type', '=', query.subjectType);
      if (query.subjectId) q = q.where('audit_log.subject_id', '=', query.subjectId);
      if (query.userId) q = q.where('audit_log.user_id', '=', query.userId);
      const rows = await q.execute();
      return {
        entries: rows.map((r) => ({
          id: r.id, at: new Date(r.at).toISOString(), userId: r.user_id, username: r.username, action: r.action,
          subjectType: r.subject_type, subjectId: r.subject_id, detail: r.detail,
        })),
      };
    },
  }),
];
