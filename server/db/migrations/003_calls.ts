// The permanence line: known callers, every call and every leg of its chain, and alarms for calls
// nobody took. The chain is stored with the call so later webhooks do not depend on a rota that changed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('police', 'hospital', 'service', 'other')`))
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_sid', 'text', (c) => c.notNull().unique())
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text')
    .addColumn('caller_name', 'text')
    .addColumn('out_of_hours', 'boolean', (c) => c.notNull())
    .addColumn('chain', 'jsonb', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('ringing', 'answered', 'voicemail', 'missed')`),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('answered_number', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('duration_sec', 'integer')
    .addColumn('recording_url', 'text')
    .addColumn('recording_sec', 'integer')
    .addColumn('previous_call_id', 'uuid', (c) => c.references('calls.id'))
    .execute();
  await db.schema.createIndex('calls_from_idx').on('calls').columns(['from_number', 'started_at']).execute();
  await db.schema.createIndex('calls_started_idx').on('calls').column('started_at').execute();

  await db.schema
    .createTable('call_legs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('ringing', 'screening', 'accepted', 'no-key', 'busy', 'no-answer', 'failed', 'canceled')`,
        ),
    )
    .addColumn('dial_call_sid', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('picked_up_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addUniqueConstraint('call_legs_step', ['call_id', 'step'])
    .execute();

  await db.schema
    .createTable('alarms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().unique().references('calls.id').onDelete('cascade'))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('called_back_at', 'timestamptz')
    .addColumn('called_back_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('callback_note', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['alarms', 'call_legs', 'calls', 'directory']) await db.schema.dropTable(t).execute();
}
