// The region and Belgium's municipalities: reference data every signed-in user needs.
import type { Policy } from './policy';

export const regionPolicy = {
  'region.read': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
} as const satisfies Policy;
