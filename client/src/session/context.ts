import { createContext } from 'react';
import type { ApiError } from '../api/client';
import type { User } from '../api/types';

export type SignedOutNotice = 'expired' | 'loggedOut';

export type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signedOut'; notice: SignedOutNotice | null; username?: string }
  | { status: 'signedIn'; user: User };

export interface SessionValue {
  state: SessionState;
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
  /** Checks the session again after the server could not be reached. */
  recheck: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);
