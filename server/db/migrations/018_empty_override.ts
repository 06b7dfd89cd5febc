// An override may leave a slot empty for its span (user_id null): a coordinator can leave the primary
// line empty for one night, so calls go straight to the backup, without editing the rotations.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rota_overrides')
    .alterColumn('user_id', (c) => c.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('rota_overrides').where('user_id', 'is', null).execute();
  await db.schema
    .alterTable('rota_overrides')
    .alterColumn('user_id', (c) => c.setNotNull())
    .execute();
}
