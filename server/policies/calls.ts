// Calls and SMS on the permanence line, the phone directory and the demo's call simulator: the desk's
// roles; leads keep the directory.
import type { Policy } from './policy';

export const callsPolicy = {
  /** Calls, their legs and the alarm of a missed call. */
  'calls.read': ['duty_worker', 'coordinator', 'admin'],
  /** Mark a missed call as called back; ring a place to confirm. */
  'calls.handle': ['duty_worker', 'coordinator', 'admin'],
  /** Texts in and out (the outbox). */
  'sms.read': ['duty_worker', 'coordinator', 'admin'],
  'directory.read': ['duty_worker', 'coordinator', 'admin'],
  'directory.change': ['coordinator', 'admin'],
  'simulator.use': ['duty_worker', 'coordinator', 'admin'],
} as const satisfies Policy;
