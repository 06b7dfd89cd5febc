// The wooncel after the night (issue 19). The pool of transit homes and the published rules are for
// everyone involved; OCMW staff and the coordinator (for the CAW) register people, for their own
// municipalities (scope()); the allocator decides; casework is read and followed by all three.
import type { Policy } from './policy';

export const housingPolicy = {
  /** The published rules, the pool of homes and its occupancy. */
  'housing.read': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  'housing.homes.change': ['coordinator', 'allocator'],
  /** Register a household (and prefill it from an intake), withdraw it, request the contingent. */
  'housing.register': ['ocmw_staff', 'coordinator'],
  /** Registrations, allocations and trajectories. */
  'housing.cases.read': ['ocmw_staff', 'coordinator', 'allocator'],
  /** Record the move-in and the end of a trajectory. */
  'housing.cases.follow': ['ocmw_staff', 'coordinator', 'allocator'],
  /** The ranked proposal for a free home. */
  'housing.propose': ['allocator', 'coordinator'],
  /** Allocate a home, decide a contingent request. */
  'housing.decide': ['allocator'],
  'housing.contingent.read': ['ocmw_staff', 'coordinator', 'allocator', 'admin'],
} as const satisfies Policy;
