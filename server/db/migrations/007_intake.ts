// From call to OCMW: intakes, the cost guarantee of a placement, and the handoff to the competent
// OCMW with its history. Personal data live in `intakes` only; guarantees and handoffs refer to it,
// so pseudonymising an intake later leaves every figure intact.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ocmws').addColumn('contact_mobile', 'text').execute();

  await db.schema
    .createTable('intakes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.references('calls.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('referrer_kind', 'text', (c) =>
      c.notNull().check(sql`referrer_kind in ('police', 'hospital', 'social_service', 'self', 'other')`),
    )
    .addColumn('referrer', 'jsonb', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('f', 'm', 'x')`))
    // SHA-256 of normalised name + birth date: links earlier contacts without a readable index.
    .addColumn('person_key', 'text')
    .addColumn('household_type', 'text', (c) => c.notNull())
    .addColumn('adults', 'integer', (c) => c.notNull().check(sql`adults between 1 and 6`))
    .addColumn('children', 'integer', (c) => c.notNull().check(sql`children between 0 and 15`))
    .addColumn('children_ages', 'jsonb')
    .addColumn('ethos', 'text', (c) => c.notNull())
    .addColumn('previous_nights', 'text')
    .addColumn('needs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('story', 'text')
    .addColumn('request_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('competence', 'jsonb', (c) => c.notNull())
    .addColumn('competent_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('competence_rule', 'text', (c) => c.notNull())
    .addColumn('override', 'jsonb')
    .addColumn('hold_id', 'uuid', (c) => c.unique().references('holds.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'held', 'placed', 'closed')`))
    .addColumn('pseudonymised_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('intakes_person_idx').on('intakes').column('person_key').execute();
  await db.schema.createIndex('intakes_created_idx').on('intakes').column('created_at').execute();

  await db.schema
    .createTable('guarantees')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('intake_id', 'uuid', (c) => c.notNull().unique().references('intakes.id'))
    .addColumn('hold_id', 'uuid', (c) => c.notNull().references('holds.id'))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('places.id'))
    .addColumn('ocmw_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('first_night', 'text', (c) => c.notNull())
    .addColumn('nights', 'integer', (c) => c.notNull().check(sql`nights >= 1`))
    .addColumn('cost_per_night_cents', 'integer', (c) => c.notNull().check(sql`cost_per_night_cents >= 0`))
    .addColumn('total_cents', 'integer', (c) => c.notNull().check(sql`total_cents >= 0`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guarantees_ocmw_idx').on('guarantees').columns(['ocmw_nis', 'first_night']).execute();

  await db.schema
    .createTable('handoffs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('intake_id', 'uuid', (c) => c.notNull().unique().references('intakes.id'))
    .addColumn('ocmw_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // When it reached the current OCMW (the 5-day forwarding window counts from here).
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'acknowledged', 'closed')`))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('digested_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handoffs_queue_idx').on('handoffs').columns(['ocmw_nis', 'status', 'due_at']).execute();

  await db.schema
    .createTable('handoff_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('handoff_id', 'uuid', (c) => c.notNull().references('handoffs.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('created', 'acknowledged', 'follow_up', 'forwarded', 'closed', 'escalated', 'digest')`),
    )
    .addColumn('ocmw_nis', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb')
    .execute();
  await db.schema.createIndex('handoff_events_idx').on('handoff_events').columns(['handoff_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['handoff_events', 'handoffs', 'guarantees', 'intakes']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('ocmws').dropColumn('contact_mobile').execute();
}
