import { createContext } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient } from '../../../shared/api/events';

/** The console's socket, typed by the contract (shared/api/events.ts): what it hears, what it may send. */
export type DeskSocket = Socket<ServerToClient, ClientToServer>;

/** `connecting`: first attempt; `live`: connected; `offline`: lost, reconnecting by itself. */
export type ConnectionState = 'connecting' | 'live' | 'offline';

export interface SocketContextValue {
  socket: DeskSocket | null;
  state: ConnectionState;
  /** Server time minus browser time in ms, from the last `hello`; null before the first one. */
  clockOffsetMs: number | null;
}

export const SocketContext = createContext<SocketContextValue>({
  socket: null,
  state: 'connecting',
  clockOffsetMs: null,
});
