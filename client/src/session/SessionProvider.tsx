// Who is signed in. Asks the server once at start (the cookie is httpOnly, so only it knows);
// any 401 after sign-in sends the person back to the login page with "Sessie verlopen".
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchMe, logout } from '../api/auth';
import { ApiError, isAbort, setUnauthorizedHandler } from '../api/client';
import type { User } from '../api/types';
import { SessionContext, type SessionState, type SessionValue } from './context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // The person signed in now, if any: a 401 only means "expired" for them, and we keep their username.
  const signedInAs = useRef<string | null>(null);
  useEffect(() => {
    signedInAs.current = state.status === 'signedIn' ? state.user.username : null;
  }, [state]);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'checking' });
    fetchMe(ctrl.signal).then(
      (user) => setState({ status: 'signedIn', user }),
      (err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'signedOut', notice: null });
        else setState({ status: 'unreachable', error: err instanceof ApiError ? err : new ApiError(0, null) });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const username = signedInAs.current;
      if (username !== null) setState({ status: 'signedOut', notice: 'expired', username });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = useCallback((user: User) => setState({ status: 'signedIn', user }), []);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signed out here regardless; the server session expires on its own.
    }
    setState({ status: 'signedOut', notice: 'loggedOut' });
  }, []);
  const recheck = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<SessionValue>(
    () => ({ state, signedIn, signOut, recheck }),
    [state, signedIn, signOut, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
