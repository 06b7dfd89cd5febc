import { useEffect } from 'react';
import { api } from './client';
import { useLive } from './useLive';
import { useServerNow } from './useSocket';
import type { OnCallNow } from '../../../shared/api/rota';

export type { OnCallNow, OnCallPerson } from '../../../shared/api/rota';

export const fetchOnCall = (signal: AbortSignal) => api<OnCallNow>('/api/oncall/now', { signal });
const EVENTS = ['rota:changed'] as const;
const SAFETY_POLL_MS = 60_000;

/** Who is on duty now: refetched on rota changes, on reconnect, at the next handover, and every minute. */
export function useOnCallNow() {
  const live = useLive(fetchOnCall, EVENTS);
  const next = live.data?.nextHandover;
  const { reload } = live;
  // On the server's clock: a phone whose clock is wrong saw the handover as past and asked every second.
  const serverNow = useServerNow();
  useEffect(() => {
    const wait = next
      ? Math.min(Math.max(Date.parse(next) - serverNow().getTime() + 1000, 5000), SAFETY_POLL_MS)
      : SAFETY_POLL_MS;
    const timer = setTimeout(reload, wait);
    return () => clearTimeout(timer);
  }, [next, reload, live.data, serverNow]);
  return live;
}
