// The one place realtime events leave the server. Sockets authenticate with the session cookie;
// each joins a room for its role and for its user, so events can be scoped to who may see them.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { Server } from 'socket.io';
import type { Kysely } from 'kysely';
import { resolveSession, tokenFromCookieHeader, type AuthUser } from '../auth/session';
import type { Clock } from '../clock';
import type { Database, Role } from '../db/schema';

export interface Realtime {
  /** Sends an event to everyone signed in, or only to the given roles. */
  publish(event: string, payload: unknown, roles?: readonly Role[]): void;
  /** Sends an event to one user's consoles (all their tabs and phones). */
  publishToUser(userId: string, event: string, payload: unknown): void;
  io: Server | null;
  close(): Promise<void>;
}

/**
 * The adapter keeps one pooled client for LISTEN and, when a PostgreSQL restart ends it, takes a new
 * one without releasing the old: every restart would leak a pool slot and block shutdown. Handing it a
 * pool whose clients release themselves when they end closes that leak.
 */
function listenerSafePool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop !== 'connect') {
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value; // pool.query etc. use the real pool
      }
      return async () => {
        const client = await target.connect();
        client.once('end', () => { try { client.release(); } catch { /* already released */ } });
        return client;
      };
    },
  });
}

export function attachRealtime(
  http: HttpServer, db: Kysely<Database>, clock: Clock, pgPool: pg.Pool | null = null, onError: (err: Error) => void = () => undefined,
): Realtime {
  const io = new Server(http, { serveClient: false, connectionStateRecovery: undefined });
  // Several instances on one PostgreSQL: events reach the consoles connected to any of them.
  if (pgPool) io.adapter(createAdapter(listenerSafePool(pgPool), { errorHandler: onError }));
  // Whatever a handshake carries (cookies, headers), its failure refuses that socket and nothing else.
  io.use((socket, next) => {
    authenticate(db, clock, socket.handshake.headers.cookie).then((user) => {
      socket.data.user = user;
      next();
    }, (err: unknown) => next(err instanceof HandshakeRefused ? err : new Error('database unavailable')));
  });
  io.on('connection', (socket) => {
    try {
      const user = socket.data.user as AuthUser;
      void socket.join([`role:${user.role}`, `user:${user.id}`]);
      socket.emit('hello', { serverTime: clock.now().toISOString(), user: { id: user.id, role: user.role } });
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
      socket.disconnect(true);
    }
  });
  io.engine.on('connection_error', () => undefined); // a malformed transport request is answered by engine.io; nothing to do
  return {
    io,
    publish(event, payload, roles) {
      if (roles) io.to(roles.map((r) => `role:${r}`)).emit(event, payload);
      else io.emit(event, payload);
    },
    publishToUser(userId, event, payload) {
      io.to(`user:${userId}`).emit(event, payload);
    },
    close: () => new Promise<void>((resolve) => { void io.close(() => resolve()); }),
  };
}

class HandshakeRefused extends Error {}

async function authenticate(db: Kysely<Database>, clock: Clock, cookieHeader: string | undefined): Promise<AuthUser> {
  const token = tokenFromCookieHeader(cookieHeader);
  if (!token) throw new HandshakeRefused('not signed in');
  const user = await resolveSession(db, token, clock.now());
  if (!user) throw new HandshakeRefused('session expired');
  return user;
}
