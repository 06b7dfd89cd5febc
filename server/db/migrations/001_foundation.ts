// Foundation: region data, accounts, sessions, login throttling, audit log, places.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Brussels'))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable('municipalities')
    .addColumn('nis', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addColumn('postcodes', 'text', (c) => c.notNull())
    .addColumn('eerstelijnszone', 'text', (c) => c.notNull())
    .addColumn('police_zone', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ocmws')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('municipality_nis', 'text', (c) => c.notNull().unique().references('municipalities.nis'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('calendar', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('duty_worker', 'coordinator', 'ocmw_staff', 'admin')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_municipalities')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('municipality_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addPrimaryKeyConstraint('user_municipalities_pk', ['user_id', 'municipality_nis'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('places')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('municipality_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in
      ('caw_noodkamer', 'hotel', 'crisisbed', 'ocmw_noodwoning', 'doorgangswoning', 'vluchthuis')`),
    )
    .addColumn('suits', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('room_type', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(1).check(sql`capacity > 0`))
    .addColumn('cost_per_night_cents', 'integer', (c) => c.notNull().check(sql`cost_per_night_cents >= 0`))
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('confidential_address', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'places',
    'audit_log',
    'login_throttle',
    'sessions',
    'user_municipalities',
    'users',
    'ocmws',
    'municipalities',
    'regions',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
