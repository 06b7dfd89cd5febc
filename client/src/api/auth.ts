import type { z } from 'zod';
import type { spraysAnswer, userAnswer } from '../../../shared/api/auth';
import { api } from './client';
import type { User } from './types';

export async function fetchMe(signal?: AbortSignal, quiet401 = true): Promise<User> {
  return (await api<z.output<typeof userAnswer>>('/api/auth/me', { signal, quiet401 })).user;
}

export async function login(username: string, password: string): Promise<User> {
  const body = { username, password };
  return (await api<z.output<typeof userAnswer>>('/api/auth/login', { method: 'POST', body, quiet401: true })).user;
}

export async function logout(): Promise<void> {
  await api<void>('/api/auth/logout', { method: 'POST', quiet401: true });
}

export type { Spray } from '../../../shared/api/auth';

/** Usernames failing from several addresses (coordinators and admins only). */
export const fetchSprays = (signal: AbortSignal) => api<z.output<typeof spraysAnswer>>('/api/auth/sprays', { signal });
