// The board's version per region: bumped once for every announced change, on whichever instance made
// it, so every instance and every console agree on which board is newer (server/capacity/board-cache.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_versions')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('board_versions').execute();
}
