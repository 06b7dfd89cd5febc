// Intakes (aanmelding): personal records. The desk's workers list, read and change them; OCMW staff
// read one only through a handoff to their municipalities (scope()); admins manage accounts and read
// no personal records.
import type { Policy } from './policy';

export const intakesPolicy = {
  'intakes.list': ['duty_worker', 'coordinator'],
  'intakes.read': ['duty_worker', 'coordinator', 'ocmw_staff'],
  'intakes.change': ['duty_worker', 'coordinator'],
} as const satisfies Policy;
