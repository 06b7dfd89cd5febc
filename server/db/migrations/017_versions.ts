// Issue 13. `ical_events`: what each shift's calendar event last said, so a change of its times (a rota
// edit, or an edit of the region's office hours, which is no rota edit) raises that event's SEQUENCE
// and no other. `data_versions`: a checksum of each data set loaded at start-up (the Belgian
// municipalities), so a start whose data did not change skips reloading it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ical_events')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_versions').execute();
  await db.schema.dropTable('ical_events').execute();
}
