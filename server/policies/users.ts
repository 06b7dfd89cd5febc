// Staff accounts and sign-in. Leads see who has an account and suspicious sign-ins; only the admin
// creates accounts and changes a role, password or activation.
import type { Policy } from './policy';

export const usersPolicy = {
  'users.read': ['coordinator', 'admin'],
  'users.change': ['admin'],
  /** Usernames failing from several addresses (password spraying), and the banner about them. */
  'sprays.read': ['coordinator', 'admin'],
} as const satisfies Policy;
