import { useCallback, useState } from 'react';
import { fetchRota } from '../../api/rota';
import { useLive } from '../../api/useLive';

export const ROTA_EVENTS = ['rota:changed'] as const;

export function useRota(from: string, to: string) {
  const load = useCallback((signal: AbortSignal) => fetchRota(from, to, signal), [from, to]);
  return useLive(load, ROTA_EVENTS);
}

/**
 * The rota from the moment the component mounted until `days` later (or `pastDays` before). Taken once,
 * not at every render: a fresh `new Date()` per render changed the range, hence the request, in a loop
 * (20 to 50 GET /api/rota a second while the page was open).
 */
export function useRotaFromNow(days: number, pastDays = 0) {
  const [now] = useState(() => Date.now());
  const from = new Date(now - pastDays * 86_400_000).toISOString();
  const to = new Date(now + days * 86_400_000).toISOString();
  return { now, rota: useRota(from, to) };
}

/** Runs a request, returning the error text to show (what was typed stays in the form). */
export async function attempt(work: () => Promise<unknown>, text: (err: unknown) => string): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (err) {
    return text(err);
  }
}
