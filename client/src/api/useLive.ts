// Data that stays live: loaded once, then loaded again (keeping what is shown meanwhile) whenever
// one of `events` arrives and whenever the socket comes back after a drop, so a console that was
// offline shows the exact current state, not the last events it happened to receive.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from './client';
import { useSocket, useSocketEvent } from './useSocket';
import type { ServerEventName } from '../../../shared/api/events';

export interface Live<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useLive<T>(load: (signal: AbortSignal) => Promise<T>, events: readonly ServerEventName[]): Live<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    load(ctrl.signal).then(
      (d) => {
        setData(d);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!isAbort(err)) {
          setError(err instanceof ApiError ? err : new ApiError(0, null));
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
  }, [load, tick]);

  const { state } = useSocket();
  const was = useRef(state);
  useEffect(() => {
    if (state === 'live' && was.current !== 'live') reload(); // back online: resync
    was.current = state;
  }, [state, reload]);

  // biome-ignore lint/correctness/useHookAtTopLevel: events is a constant list per component, so the hooks keep their order
  for (const event of events) useSocketEvent(event, reload);
  return { data, error, loading, reload };
}
