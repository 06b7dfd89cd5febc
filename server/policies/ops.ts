// Operations: what the instance keeps for itself (the webhook journal) is the admin's.
import type { Policy } from './policy';

export const opsPolicy = {
  'ops.journal': ['admin'],
} as const satisfies Policy;
