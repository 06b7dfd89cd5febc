import { defineRoute } from '../http/route';
import { auditAnswer, auditQuery } from '../../shared/api/audit';
import { audit, detailFor } from './audit';

/** @public */
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
    response: auditAnswer,
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
