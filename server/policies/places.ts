// Places and holds: the board of free places. The desk works the night's board; leads keep the list
// of places and see street addresses (a women's refuge's address is not for every screen).
import type { Policy } from './policy';

export const placesPolicy = {
  'places.read': ['duty_worker', 'coordinator', 'admin'],
  'places.addresses': ['coordinator', 'admin'],
  'places.change': ['coordinator', 'admin'],
  /** A hotel's count of free rooms tonight, and asking the hotels for it. */
  'places.count': ['duty_worker', 'coordinator', 'admin'],
  'holds.change': ['duty_worker', 'coordinator', 'admin'],
} as const satisfies Policy;
