import { useCallback, useContext, useEffect, useRef } from 'react';
import type { ServerEventName, ServerEventPayload, ServerToClient } from '../../../shared/api/events';
import { SocketContext, type SocketContextValue } from './socketContext';

/** Connection state ('connecting' | 'live' | 'offline') and the socket itself. */
export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}

/** Calls `handler` for every `event` the server emits (shared/api/events.ts), for as long as the component is mounted. */
export function useSocketEvent<E extends ServerEventName>(
  event: E,
  handler: (payload: ServerEventPayload<E>) => void,
): void {
  const { socket } = useSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    // socket.io's on() cannot follow a generic event name to its listener type; the signature above checks the pair.
    const listener = ((payload: ServerEventPayload<E>) => latest.current(payload)) as ServerToClient[E];
    socket.on(event, listener as never);
    return () => {
      socket.off(event, listener as never);
    };
  }, [socket, event]);
}

/** "Now" on the server's clock (the socket's `hello` tells the offset), for rules about nights and months. */
export function useServerNow(): () => Date {
  const { clockOffsetMs } = useSocket();
  return useCallback(() => new Date(Date.now() + (clockOffsetMs ?? 0)), [clockOffsetMs]);
}
