// Loads data once (and again on `reload`), with the three states every screen shows: loading, error, data.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbort } from './client';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** `load` must be stable (a module-level function or a memoised callback). */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    load(ctrl.signal).then(
      (data) => setState({ status: 'ready', data }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError(0, null) });
      },
    );
    return () => ctrl.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
