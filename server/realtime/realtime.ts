// The one place realtime events leave the server. Sockets authenticate with the session cookie;
// each joins a room for its role and for its user, so events can be scoped to who may see them, one for the
// region it looks at (per role), and OCMW staff one per OCMW they act for (issue 15: an event about a region's
// calls, intakes, handoffs or rota reaches that region's consoles and the competent OCMW's staff, no others).
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { Server, type Socket } from 'socket.io';
import type { Kysely } from 'kysely';
import { hashToken, sessionOf, tokenFromCookieHeader, type AuthUser } from '../auth/session';
import type { Clock } from '../clock';
import type { Database, Role } from '../db/schema';
import type { ClientToServer, ServerEventName, ServerEventPayload, ServerToClient } from '../../shared/api/events';
import { scope } from '../policies';

/** The socket.io server, typed by the contract: only the events of shared/api/events.ts, with their payloads. */
export type DeskServer = Server<ClientToServer, ServerToClient>;

/** @public */
export interface Realtime {
  /** Sends an event to everyone signed in, or only to the given roles. Events and payloads: shared/api/events.ts. */
  publish<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>, roles?: readonly Role[]): void;
  /**
   * Sends an event to the given roles among the consoles looking at one region (or any of several), and to the
   * staff of the given OCMWs (municipality NIS codes) wherever they look. A console in several of these rooms
   * gets the event once.
   */
  publishToRegion<E extends ServerEventName>(
    region: string | readonly string[],
    event: E,
    payload: ServerEventPayload<E>,
    roles: readonly Role[],
    ocmws?: readonly string[],
  ): void;
  /** Moves, on every instance, one session's sockets to the region it switched to. */
  switchRegion(token: string, role: Role, region: string): Promise<void>;
  /** Sends an event to one user's consoles (all their tabs and phones). */
  publishToUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>): void;
  /** Disconnects, on every instance, the sockets of one session (logout). */
  endSession(token: string): void;
  /** Disconnects, on every instance, all sockets of one user (password or role changed, account disabled). */
  endUser(userId: string): void;
  /** Disconnects this instance's sockets whose session has expired by the desk's clock (also every 30 s). */
  sweepExpired(): void;
  io: DeskServer | null;
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
        client.once('end', () => {
          try {
            client.release();
          } catch {
            /* already released */
          }
        });
        return client;
      };
    },
  });
}

/** @public */
export function attachRealtime(
  http: HttpServer,
  db: Kysely<Database>,
  clock: Clock,
  pgPool: pg.Pool | null = null,
  onError: (err: Error) => void = () => undefined,
  opts: { publicUrl?: string } = {},
): Realtime {
  const io: DeskServer = new Server(http, { serveClient: false, connectionStateRecovery: undefined });
  // Several instances on one PostgreSQL: events reach the consoles connected to any of them.
  if (pgPool) io.adapter(createAdapter(listenerSafePool(pgPool), { errorHandler: onError }));
  if (opts.publicUrl) io.use(originCheck(new URL(opts.publicUrl).origin));
  // Whatever a handshake carries (cookies, headers), its failure refuses that socket and nothing else.
  io.use((socket, next) => {
    authenticate(db, clock, socket.handshake.headers.cookie).then(
      ({ user, expiresAt, room }) => {
        socket.data.user = user;
        socket.data.expiresAt = expiresAt.getTime();
        socket.data.sessionRoom = room;
        next();
      },
      (err: unknown) => next(err instanceof HandshakeRefused ? err : new Error('database unavailable')),
    );
  });
  function sweepExpired() {
    const now = clock.now().getTime();
    for (const socket of io.of('/').sockets.values()) {
      if ((socket.data.expiresAt as number) <= now) socket.disconnect(true);
    }
  }
  const sweeper = setInterval(sweepExpired, 30_000);
  sweeper.unref();
  io.on('connection', (socket) => {
    try {
      const user = socket.data.user as AuthUser;
      const rooms = [`role:${user.role}`, `user:${user.id}`, socket.data.sessionRoom as string];
      if (user.region) rooms.push(regionRoom(user.region, user.role));
      // OCMW staff hear of the handoffs to their OCMWs from any region (their policy scope).
      for (const nis of scope(user) ?? []) rooms.push(ocmwRoom(nis));
      void socket.join(rooms);
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
      // socket.io's emit cannot follow a generic event name to its payload: the Realtime signature checks the pair.
      const args = [payload] as Parameters<ServerToClient[typeof event]>;
      if (roles) io.to(roles.map((r) => `role:${r}`)).emit(event, ...args);
      else io.emit(event, ...args);
    },
    publishToRegion(region, event, payload, roles, ocmws = []) {
      const args = [payload] as Parameters<ServerToClient[typeof event]>;
      const regions = typeof region === 'string' ? [region] : region;
      const rooms = [...regions.flatMap((g) => roles.map((r) => regionRoom(g, r))), ...ocmws.map(ocmwRoom)];
      if (rooms.length) io.to(rooms).emit(event, ...args); // no room: nobody (io.to([]) would be everyone)
    },
    async switchRegion(token, role, region) {
      const sockets = io.in(sessionRoom(token));
      const rooms = (await sockets.fetchSockets()).flatMap((s) => [...s.rooms].filter((r) => r.startsWith('region:')));
      if (rooms.length) sockets.socketsLeave([...new Set(rooms)]);
      sockets.socketsJoin(regionRoom(region, role));
    },
    publishToUser(userId, event, payload) {
      const args = [payload] as Parameters<ServerToClient[typeof event]>;
      io.to(`user:${userId}`).emit(event, ...args);
    },
    endSession(token) {
      io.in(sessionRoom(token)).disconnectSockets(true);
    },
    endUser(userId) {
      io.in(`user:${userId}`).disconnectSockets(true);
    },
    sweepExpired,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        void io.close(() => resolve());
      }),
  };
}

class HandshakeRefused extends Error {}

// Sessions end live access: each socket joins a room named after its session (the token's hash, as in the
// sessions table) and remembers when the session expires, so logout, expiry, a password or role change
// disconnect it at once. One query answers who it is and until when.
async function authenticate(db: Kysely<Database>, clock: Clock, cookieHeader: string | undefined) {
  const token = tokenFromCookieHeader(cookieHeader);
  if (!token) throw new HandshakeRefused('not signed in');
  const session = await sessionOf(db, token, clock.now());
  if (!session) throw new HandshakeRefused('session expired');
  return { ...session, room: sessionRoom(token) };
}

const sessionRoom = (token: string) => `session:${hashToken(token)}`;

/**
 * A browser always sends Origin on a WebSocket: one from another site is refused (cross-site WebSocket
 * hijacking). Allowed: PUBLIC_URL, and the page's own host (the console opened by address on the LAN, or
 * in the browser tests), which no other site can claim. Clients without Origin are not browsers.
 */
function originCheck(allowed: string) {
  return (socket: Socket, next: (err?: Error) => void) => {
    const origin = socket.handshake.headers.origin;
    if (!origin || origin === allowed || sameHost(origin, socket.handshake.headers.host)) return next();
    next(new Error('origin not allowed'));
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The room of one role's consoles looking at one region: region-scoped events (the board) go there. */
const regionRoom = (region: string, role: Role) => `region:${region}:role:${role}`;

/** The room of the staff of one OCMW (its municipality's NIS code): the handoffs to it go there. */
const ocmwRoom = (nis: string) => `ocmw:${nis}`;
