import { api } from './client';
import type { User } from './types';

type Me = { user: Omit<User, 'abilities' | 'scope'>; abilities: User['abilities']; scope: User['scope'] };

/** Who is signed in, with the abilities and scope the server's policies give them. */
export async function fetchMe(signal?: AbortSignal, quiet401 = true): Promise<User> {
  const me = await api<Me>('/api/auth/me', { signal, quiet401 });
  return { ...me.user, abilities: me.abilities, scope: me.scope };
}

/** Signs in, then asks who that is: the abilities come from /api/auth/me, the one place that sends them. */
export async function login(username: string, password: string): Promise<User> {
  const body = { username, password };
  await api<unknown>('/api/auth/login', { method: 'POST', body, quiet401: true });
  return fetchMe(undefined, true);
}

export async function logout(): Promise<void> {
  await api<void>('/api/auth/logout', { method: 'POST', quiet401: true });
}

export interface Spray {
  username: string;
  addresses: number;
  lastFailureAt: string;
}

/** Usernames failing from several addresses (coordinators and admins only). */
export const fetchSprays = (signal: AbortSignal) =>
  api<{ sprays: Spray[]; windowMinutes: number }>('/api/auth/sprays', { signal });
