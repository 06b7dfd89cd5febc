// Key figures: counts and amounts, no people. OCMW staff see their own municipalities (scope()); the
// wooncel's figures are also the allocator's; the duty worker has none.
import type { Policy } from './policy';

export const figuresPolicy = {
  'figures.read': ['coordinator', 'admin', 'ocmw_staff'],
  'figures.housing': ['coordinator', 'admin', 'allocator', 'ocmw_staff'],
} as const satisfies Policy;
