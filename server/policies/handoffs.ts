// Handoffs to the OCMW. OCMW staff read and act on the handoffs of their municipalities (scope());
// the coordinator may act too (a warm handover by phone); the desk's workers hand over and print
// the letter, and read what is open at a shift handover.
import type { Policy } from './policy';

export const handoffsPolicy = {
  'handoffs.read': ['duty_worker', 'coordinator', 'ocmw_staff'],
  /** Acknowledge, record the follow-up, forward, close. */
  'handoffs.act': ['ocmw_staff', 'coordinator'],
  /** Record how the case was handed over to an OCMW, and print its letter. */
  'handoffs.handover': ['duty_worker', 'coordinator'],
  'shiftSummary.read': ['duty_worker', 'coordinator'],
} as const satisfies Policy;
