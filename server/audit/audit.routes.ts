import { z } from 'zod';
import { defineRoute } from '../http/route';
import { audit, detailFor } from './audit';

const auditQuery = z.strictObject({
  subjectType: z.string().min(1).max(50).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  userId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    tag: 'audit',
    policy: 'audit.read',
    summary:
      'The audit trail, newest first: who read or changed which record (free text about people left out; this read is audited too)',
    query: auditQuery,
    personal: 'audited',
    handler: async ({ query, user, services: { db, clock } }) => {
      let q = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.user_id',
          'users.username',
          'audit_log.action',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.detail',
        ])
        .orderBy('audit_log.id', 'desc')
        .limit(query.limit);
      if (query.subjectType) q = q.where('audit_log.subject_type', '=', query.subjectType);
      if (query.subjectId) q = q.where('audit_log.subject_id', '=', query.subjectId);
      if (query.userId) q = q.where('audit_log.user_id', '=', query.userId);
      const rows = await q.execute();
      await audit(db, {
        at: clock.now(),
        userId: user!.id,
        action: 'read',
        subjectType: 'audit_log',
        subjectId: query.subjectId ?? null,
        detail: { filter: [query.subjectType, query.userId].filter(Boolean).join(',') || 'all', entries: rows.length },
      });
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          userId: r.user_id,
          username: r.username,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          detail: detailFor(user!.role, r.detail),
        })),
      };
    },
  }),
];
