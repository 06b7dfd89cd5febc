// The audit trail: who read or changed which personal record, and every sign-in. Callers pass the
// executor (the database or the open transaction) so the audit row commits with the change it records.
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database, Role } from '../db/schema';
import { can } from '../policies';

export interface AuditEntry {
  at: Date;
  userId: string | null;
  action: AuditLogTable['action'];
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

/** @public */
export async function audit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      user_id: e.userId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

/**
 * Records one read per record: an access report per person must find each of them.
 * @public
 */
export async function auditReads(db: Kysely<Database>, at: Date, userId: string, subjectType: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      ids.map((id) => ({
        at,
        user_id: userId,
        action: 'read' as const,
        subject_type: subjectType,
        subject_id: id,
        detail: null,
      })),
    )
    .execute();
}

/** Detail keys that hold codes, ids, counts or names of staff, never text typed about a person. */
const STRUCTURED = new Set([
  'rule',
  'nis',
  'competence',
  'placed',
  'ocmw',
  'nights',
  'handoff',
  'status',
  'rooms',
  'action',
  'username',
  'role',
  'ip',
  'intakes',
  'unmet',
  'minutes',
  'to',
  'outcome',
  'route',
  'filter',
  'entries',
]);

/**
 * An audit row's detail as this role may see it: roles that do not read intakes (the admin) get only
 * structured keys, and short values; free text (an override reason, a handoff note, a forward reason)
 * is replaced by the list of what was left out.
 * @public
 */
export function detailFor(role: Role, detail: unknown): unknown {
  // Who reads intakes may read the free text written about them (reasons, notes).
  if (can(role, 'intakes.read') || !detail || typeof detail !== 'object') return detail;
  const kept: Record<string, unknown> = {};
  const hidden: string[] = [];
  for (const [k, v] of Object.entries(detail)) {
    if (STRUCTURED.has(k) && (typeof v !== 'string' || (v.length <= 40 && !/\s/.test(v)))) kept[k] = v;
    else hidden.push(k);
  }
  return hidden.length ? { ...kept, hidden } : kept;
}
