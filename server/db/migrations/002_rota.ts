// The duty rota: rotations (teams taking turns), overrides, swaps, and each worker's private iCal token.
import { sql, type Kysely } from 'kysely';

const slotCheck = (col: string) => sql.raw(`${col} in ('primary', 'backup', 'coordinator')`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rota_rotations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull().check(slotCheck('slot')))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('members', 'jsonb', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('handover_time', 'text', (c) => c.notNull())
    .addColumn('every_unit', 'text', (c) => c.notNull().check(sql`every_unit in ('day', 'week')`))
    .addColumn('every_count', 'integer', (c) => c.notNull().check(sql`every_count >= 1`))
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rota_overrides')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slot', 'text', (c) => c.notNull().check(slotCheck('slot')))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('replaces_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('rota_overrides_span', sql`end_at > start_at`)
    .execute();
  await db.schema.createIndex('rota_overrides_span_idx').on('rota_overrides').columns(['slot', 'start_at']).execute();

  await db.schema
    .createTable('rota_swaps')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slot', 'text', (c) => c.notNull().check(slotCheck('slot')))
    .addColumn('from_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('requested', 'accepted', 'rejected', 'cancelled')`),
    )
    .addColumn('note', 'text')
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('rota_swaps_span', sql`end_at > start_at`)
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('ical_token_hash', 'text', (c) => c.unique())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('ical_token_hash').execute();
  for (const t of ['rota_swaps', 'rota_overrides', 'rota_rotations']) await db.schema.dropTable(t).execute();
}
