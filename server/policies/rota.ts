// The duty rota. Everyone sees who is on duty now (the header); the desk's roles read the rota and
// swap shifts (a duty worker only their own, see roster.commands.ts); leads change rotations and
// overrides and decide any swap.
import type { Policy } from './policy';

export const rotaPolicy = {
  'rota.now': ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'],
  /** The rota, its gaps and alerts, my shifts and my private iCal link. */
  'rota.read': ['duty_worker', 'coordinator', 'admin'],
  'rota.swap': ['duty_worker', 'coordinator', 'admin'],
  'rota.change': ['coordinator', 'admin'],
  'nightSheet.read': ['duty_worker', 'coordinator', 'admin'],
} as const satisfies Policy;
