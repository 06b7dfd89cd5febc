import type { z } from 'zod';
import type { spraysAnswer } from '../../../shared/api/auth';
import { api } from './client';
import type { Me, User } from './types';

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

export type { Spray } from '../../../shared/api/auth';

/** Usernames failing from several addresses (coordinators and admins only). */
export const fetchSprays = (signal: AbortSignal) => api<z.output<typeof spraysAnswer>>('/api/auth/sprays', { signal });
