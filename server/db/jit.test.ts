// The desk's PostgreSQL connections run without JIT compilation (db/index.ts): on ten years of five regions the key
// figures' plans pass jit_above_cost, and compiling them cost more than running them. PGlite has no JIT at all.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/helpers/db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('JIT', () => {
  it('is off on every PostgreSQL connection the desk opens, whatever the server says; PGlite has none', async () => {
    if (testDatabaseKind === 'pglite') {
      const r = await sql<{ available: boolean }>`select pg_jit_available() as available`.execute(db.db);
      expect(r.rows[0]!.available).toBe(false);
      return;
    }
    const settings = await Promise.all(
      Array.from({ length: 3 }, () => sql<{ jit: string }>`select current_setting('jit') as jit`.execute(db.db)),
    );
    expect(settings.map((r) => r.rows[0]!.jit)).toEqual(['off', 'off', 'off']);
    // The server's own default is on (PostgreSQL 12 and later): a connection not opened by the desk has it.
    const server = await sql<{ jit: string }>`select boot_val as jit from pg_settings where name = 'jit'`.execute(
      db.db,
    );
    expect(server.rows[0]!.jit).toBe('on');
  });
});
