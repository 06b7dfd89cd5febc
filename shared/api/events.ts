// Every socket.io event the server sends, with its payload: one typed map for the server's publish
// (socket.io's Server<ClientToServer, ServerToClient>) and the console's listeners. Events say what
// changed; a console refetches the answer (see the routes), so payloads stay small and carry no
// personal data beyond what the reader's role already sees.
import { z } from 'zod';
import { spraysAnswer } from './auth';
import { boardOfEvent, boardPatchOfEvent } from './board';
import { roleSchema } from './common';

/** @public */
export const serverEvents = {
  /** On connecting: the server's clock (the console's "now") and who the socket belongs to. */
  hello: z.object({ serverTime: z.string(), user: z.object({ id: z.string(), role: roleSchema }) }),
  /** This instance's database went down or came back (not across instances: each tells its own consoles). */
  'health:changed': z.object({ database: z.enum(['ok', 'down']) }),
  /**
   * A place's board changed. Normally with the region's new version and, so that 500 consoles need not ask,
   * either what changed since the reading before (`patch`: the changed places) or, when the instance did not
   * hold that reading, the whole board of the reader's role scope (server/capacity/board-cache.ts). Without
   * either (the database did not answer), or with a patch to another reading than its own, a console fetches.
   */
  'board:changed': z.object({
    placeId: z.string(),
    at: z.string(),
    version: z.number().optional(),
    board: boardOfEvent.optional(),
    patch: boardPatchOfEvent.optional(),
  }),
  /** To the worker who made the hold, on all their consoles. */
  'hold:expired': z.object({ holdId: z.string(), placeId: z.string(), initials: z.string() }),
  'intakes:changed': z.object({ id: z.string() }),
  'handoffs:changed': z.object({ id: z.string() }),
  'rota:changed': z.object({ at: z.string() }),
  'call:updated': z.object({ id: z.string() }),
  'alarm:changed': z.object({ callId: z.string() }),
  'outbox:changed': z.object({ id: z.string(), status: z.string().optional() }),
  'sms:received': z.object({ id: z.string() }),
  'housing:changed': z.object({}),
  /** A username failing from several addresses: coordinators and admins. */
  'auth:spray': spraysAnswer.shape.sprays.element,
} as const;

/** @public */
export type ServerEventName = keyof typeof serverEvents;
/** @public */
export type ServerEventPayload<E extends ServerEventName> = z.output<(typeof serverEvents)[E]>;

/**
 * socket.io's map of what the server emits (its second type parameter).
 * @public
 */
export type ServerToClient = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };
/**
 * The console sends nothing over the socket: every change is an HTTP request.
 * @public
 */
export type ClientToServer = Record<string, never>;
