import { useCallback } from 'react';
import { fetchRota } from '../../api/rota';
import { useLive } from '../../api/useLive';

export const ROTA_EVENTS = ['rota:changed'] as const;

export function useRota(from: string, to: string) {
  const load = useCallback((signal: AbortSignal) => fetchRota(from, to, signal), [from, to]);
  return useLive(load, ROTA_EVENTS);
}

/** Runs a request, returning the error text to show (what was typed stays in the form). */
export async function attempt(work: () => Promise<unknown>, text: (err: unknown) => string): Promise<string | null> {
  try { await work(); return null; } catch (err) { return text(err); }
}
