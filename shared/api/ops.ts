// Liveness and the webhook journal.
import { z } from 'zod';

/** @public */
export const healthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'down']),
  databaseKind: z.enum(['postgres', 'pglite']),
  /** Which process answered (several instances behind one address). */
  instance: z.number(),
  time: z.string(),
});
/** @public */
export type Health = z.output<typeof healthAnswer>;

/** @public */
export const webhookJournalAnswer = z.object({
  pending: z.number(),
  maxTries: z.number(),
  /** Given up on after repeated failures: where, which Twilio SID, why; never the content. */
  parked: z.array(
    z.object({
      path: z.string(),
      sid: z.string().nullable(),
      at: z.string(),
      tries: z.number(),
      reason: z.string(),
      parkedAt: z.string(),
    }),
  ),
});

/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document (its parts are JSON Schema, described by OpenAPI itself).
 * @public
 */
export const openApiAnswer = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
