// The referrer kept in the loop: the texts to the police officer or nurse who phoned. Part of the
// intake's casework, so the same people as intakes (not admins, not the OCMW).
import type { Policy } from './policy';

export const referrerPolicy = {
  /** The texts to the referrer shown with an intake. */
  'referrer.read': ['duty_worker', 'coordinator'],
  /** Stop a waiting text within its undo window. */
  'referrer.cancel': ['duty_worker', 'coordinator'],
} as const satisfies Policy;
