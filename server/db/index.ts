// The one module that knows which database runs: PostgreSQL through `pg` when a URL is given,
// embedded PGlite (persisted in a folder, or in memory for tests) otherwise. Everything else
// receives a Kysely<Database> and stays dialect-blind.
import { chmodSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrations } from './migrations/index';
import { PgliteThreadDialect } from './pglite-thread';
import type { Database } from './schema';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      dataDir: string | null /* null: in memory */;
      /** PGlite in a worker thread of its own (pglite-thread.ts; the default), or on the main thread (false). */
      thread?: boolean;
    };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  /** Resolves true when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** The pg pool on PostgreSQL (socket.io's adapter shares it); null on PGlite, which is one process. */
  pgPool: pg.Pool | null;
  close(): Promise<void>;
}

// timestamptz and int8 as JS values we can compute with; bigint ids arrive as strings on purpose.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  const pool =
    target.kind === 'postgres'
      ? new pg.Pool({
          connectionString: target.url,
          max: target.poolSize ?? 10,
          connectionTimeoutMillis: 5000,
          // No JIT compilation: the desk's queries are short, and on ten years of five regions the planner's cost
          // passes jit_above_cost for the key figures, whose compilation then took 30 ms or more of each one's
          // 75 (issue 15's benchmark). Set per connection, so it holds whatever the server's configuration says.
          options: '-c jit=off',
        })
      : null;
  // An idle client that loses its connection must not crash the process: the pool replaces it.
  pool?.on('error', () => undefined);
  // Nor may a checked-out one (socket.io's adapter keeps one for LISTEN): a PostgreSQL restart
  // terminates it, which without a listener is an unhandled 'error' that ends the process. The query
  // in flight still fails on its own, and the adapter reconnects when the client ends.
  pool?.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const dialect = pool
    ? new PostgresDialect({ pool })
    : target.kind === 'pglite' && target.thread !== false
      ? new PgliteThreadDialect(ownedFolder(target.dataDir))
      : new PGliteDialect({ pglite: () => openPglite((target as { dataDir: string | null }).dataDir) });
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    kind: target.kind,
    ping: (timeoutMs = 1500) => ping(db, timeoutMs),
    pgPool: pool,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | null): Promise<PGlite> {
  return PGlite.create(ownedFolder(dataDir) ?? undefined);
}

/** PGlite's files: owner only. */
function ownedFolder(dataDir: string | null): string | null {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  return dataDir;
}

async function ping(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Up to date (every restart but the first after an upgrade): one read, no lock table, no DDL.
  if (await allApplied(db)) return [];
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Every migration listed in code is recorded as applied (false when the table is not there yet). */
async function allApplied(db: Kysely<Database>): Promise<boolean> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.rows.map((r) => r.name));
    const names = Object.keys(migrations);
    // Exactly these: a database migrated by a newer version is left to the migrator, which refuses it.
    return applied.size === names.length && names.every((name) => applied.has(name));
  } catch {
    return false; // a new database: the migrator creates its tables
  }
}
