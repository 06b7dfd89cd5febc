// What every handler may use. Built once in app.ts (the composition root); tests build their own.
import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { Logger } from './logger';
import type { Realtime } from './realtime/realtime';
import type { WebhookJournal } from './telephony/twilio/journal';
import type { LastKnownRota } from './telephony/voice/last-known-rota';

export interface Services {
  db: Kysely<Database>;
  dbKind: 'postgres' | 'pglite';
  ping(timeoutMs?: number): Promise<boolean>;
  clock: Clock;
  config: Config;
  logger: Logger;
  realtime: Realtime;
  /** The rota the phone line falls back on when the database does not answer. */
  lastKnownRota: LastKnownRota;
  /** Webhooks answered while the database was down, replayed when it is back. */
  webhookJournal: WebhookJournal;
  /** This instance's own address once it listens (the call simulator phones it). */
  localUrl: string | null;
}
