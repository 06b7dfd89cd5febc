// The audit trail and the per-person access report (GDPR art. 15). The admin reads the trail; leads
// answer a person's access request. Free text in either is shown only to who may read intakes
// (audit/audit.ts detailFor).
import type { Policy } from './policy';

export const auditPolicy = {
  'audit.read': ['admin'],
  'privacy.accessReport': ['coordinator', 'admin'],
} as const satisfies Policy;
