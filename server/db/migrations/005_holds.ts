// Holds and placements occupy one unit of a place each. The partial unique index is what makes
// double booking impossible: two workers (or two instances) taking the same last unit get one
// insert and one unique violation, whatever the clients or the application code do.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('holds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('places.id'))
    .addColumn('unit_no', 'integer', (c) => c.notNull().check(sql`unit_no >= 1`))
    .addColumn('night', 'text', (c) => c.notNull())
    .addColumn('initials', 'text', (c) => c.notNull())
    .addColumn('household', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('held', 'placed', 'released', 'expired', 'ended')`),
    )
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('extensions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('placed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await sql`create unique index holds_one_per_unit on holds (place_id, unit_no) where status in ('held', 'placed')`.execute(
    db,
  );
  await db.schema.createIndex('holds_expiry_idx').on('holds').columns(['status', 'expires_at']).execute();

  // Partner hotels tell us each night how many rooms the desk may have (including ones already held).
  await db.schema
    .createTable('hotel_counts')
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('places.id'))
    .addColumn('night', 'text', (c) => c.notNull())
    .addColumn('rooms', 'integer', (c) => c.notNull().check(sql`rooms >= 0 and rooms <= 50`))
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('phone', 'sms', 'console')`))
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('hotel_counts_pk', ['place_id', 'night'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['hotel_counts', 'holds']) await db.schema.dropTable(t).execute();
}
