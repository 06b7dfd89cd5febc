// The audit trail: who read or changed which personal record, and every sign-in. Callers pass the
// executor (the database or the open transaction) so the audit row commits with the change it records.
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema';

export interface AuditEntry {
  at: Date;
  userId: string | null;
  action: AuditLogTable['action'];
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    at: e.at,
    user_id: e.userId,
    action: e.action,
    subject_type: e.subjectType,
    subject_id: e.subjectId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  }).execute();
}

/** Records one read per record: an access report per person must find each of them. */
export async function auditReads(db: Kysely<Database>, at: Date, userId: string, subjectType: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.insertInto('audit_log').values(ids.map((id) => ({
    at, user_id: userId, action: 'read' as const, subject_type: subjectType, subject_id: id, detail: null,
  }))).execute();
}
