import { useCallback, useContext, useEffect, useRef } from 'react';
import { SocketContext, type SocketContextValue } from './socketContext';

/** Connection state ('connecting' | 'live' | 'offline') and the socket itself. */
export function useSocket(): SocketContextValue {
  return useContext(SocketContext);
}

/** Calls `handler` for every `event` the server emits, for as long as the component is mounted. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

/** "Now" on the server's clock (the socket's `hello` tells the offset), for rules about nights and months. */
export function useServerNow(): () => Date {
  const { clockOffsetMs } = useSocket();
  return useCallback(() => new Date(Date.now() + (clockOffsetMs ?? 0)), [clockOffsetMs]);
}
