import { ApiError, api } from './client';
import type { Health } from './types';

/** `/healthz` answers 503 with the same body when the database is down: that is a result, not a failure. */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  try {
    return await api<Health>('/healthz', { signal, quiet401: true });
  } catch (err) {
    if (err instanceof ApiError && err.status === 503) return { status: 'degraded', database: 'down' };
    throw err;
  }
}
