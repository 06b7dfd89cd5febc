// A fresh, migrated database for each test: in-memory PGlite by default, a throw-away PostgreSQL
// database when TEST_DATABASE_URL is set. Both run the same migrations and the same queries.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../server/db/index';

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends DatabaseHandle {
  /** Connection URL on PostgreSQL (for a second instance on the same database); null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const handle = openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(handle.db);
    return { ...handle, url: null, drop: () => handle.close() };
  }
  const name = `permanentie_test_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, `create database ${name}`);
  const url = withDatabase(baseUrl, name);
  const handle = openDatabase({ kind: 'postgres', url, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.close();
      await admin(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
