// The national register number, stored only where the deployment has the authorisation (STORE_RRN),
// and an index for the retention job's scan of old intakes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('intakes').addColumn('rrn', 'text').execute();
  await db.schema
    .createIndex('intakes_retention_idx')
    .on('intakes')
    .columns(['pseudonymised_at', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('intakes_retention_idx').execute();
  await db.schema.alterTable('intakes').dropColumn('rrn').execute();
}
