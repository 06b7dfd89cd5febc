// One socket.io connection per signed-in console, authenticated by the session cookie.
// socket.io reconnects by itself after a network drop; when the server refuses the handshake
// (session gone, database down) it does not, so we check the session and try again ourselves.
import { useEffect, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { fetchMe } from './auth';
import { SocketContext, type ConnectionState, type DeskSocket } from './socketContext';

const RETRY_AFTER_REFUSAL_MS = 5_000;

export function SocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<DeskSocket | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [clockOffsetMs, setClockOffsetMs] = useState<number | null>(null);

  useEffect(() => {
    // WebSocket only: with several instances behind one address, no sticky sessions are needed.
    const s: DeskSocket = io({ withCredentials: true, reconnectionDelayMax: 10_000, transports: ['websocket'] });
    let retry: ReturnType<typeof setTimeout> | undefined;
    setSocket(s);

    s.on('connect', () => setState('live'));
    s.on('disconnect', (reason) => {
      setState('offline');
      // The server closed this socket on purpose (e.g. a restart): socket.io leaves reconnecting to us.
      if (reason === 'io server disconnect') retry = setTimeout(() => s.connect(), RETRY_AFTER_REFUSAL_MS);
    });
    s.on('hello', (msg) => {
      const t = Date.parse(msg.serverTime);
      if (!Number.isNaN(t)) setClockOffsetMs(t - Date.now());
    });
    s.on('connect_error', () => {
      setState('offline');
      if (s.active) return; // a network error: socket.io is already retrying
      clearTimeout(retry);
      // Refused by the server. A 401 here ends the session through the API client's handler.
      fetchMe(undefined, false)
        .catch(() => undefined)
        .finally(() => {
          retry = setTimeout(() => s.connect(), RETRY_AFTER_REFUSAL_MS);
        });
    });

    return () => {
      clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, []);

  return <SocketContext.Provider value={{ socket, state, clockOffsetMs }}>{children}</SocketContext.Provider>;
}
