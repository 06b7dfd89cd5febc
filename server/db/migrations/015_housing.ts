// After the night: the wooncel. Transit homes brought into a regional pool, registrations on the
// waiting list (from a handoff or by hand), allocations that keep the ranking shown at the time and
// the allocator's reason, trajectories from move-in to outflow, and the accelerated-allocation
// contingent. A new role, `allocator` (toewijzer), decides allocations.
// Personal data live in `housing_registrations` only (the reference person's name); everything else
// refers to it, so the figures survive pseudonymisation.
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'))`.execute(
    db,
  );

  await db.schema
    .createTable('transit_homes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('brought_by_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in (${list(['kamerwoning', '1_bedroom', '2_bedrooms', '3_bedrooms'])})`),
    )
    .addColumn('suits', 'jsonb', (c) => c.notNull())
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('housing_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('household_type', 'text', (c) => c.notNull())
    .addColumn('adults', 'integer', (c) => c.notNull().check(sql`adults between 1 and 6`))
    .addColumn('children', 'integer', (c) => c.notNull().check(sql`children between 0 and 15`))
    .addColumn('ethos', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('normal', 'high', 'acute')`))
    .addColumn('support_needs', 'jsonb', (c) => c.notNull())
    .addColumn('registered_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('registered_by_kind', 'text', (c) => c.notNull().check(sql`registered_by_kind in ('ocmw', 'caw')`))
    .addColumn('handoff_id', 'uuid', (c) => c.references('handoffs.id'))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('waiting', 'allocated', 'housed', 'withdrawn')`),
    )
    .addColumn('pseudonymised_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('housing_registrations_status_idx')
    .on('housing_registrations')
    .columns(['status', 'registered_at'])
    .execute();

  await db.schema
    .createTable('housing_allocations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('home_id', 'uuid', (c) => c.notNull().references('transit_homes.id'))
    .addColumn('registration_id', 'uuid', (c) => c.notNull().unique().references('housing_registrations.id'))
    .addColumn('decided_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    // The ranking as the allocator saw it (ids, ranks, reasons): the decision can be explained later.
    .addColumn('ranking', 'jsonb', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('allocated', 'moved_in', 'cancelled')`))
    .execute();
  // One allocation waiting for its move-in per home: a second decision on the same free home loses.
  await sql`create unique index housing_allocations_pending_idx on housing_allocations (home_id) where status = 'allocated'`.execute(
    db,
  );

  await db.schema
    .createTable('housing_trajectories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('allocation_id', 'uuid', (c) => c.notNull().unique().references('housing_allocations.id'))
    .addColumn('home_id', 'uuid', (c) => c.notNull().references('transit_homes.id'))
    .addColumn('registration_id', 'uuid', (c) => c.notNull().unique().references('housing_registrations.id'))
    .addColumn('move_in', 'text', (c) => c.notNull())
    .addColumn('guidance_by', 'text', (c) => c.notNull())
    .addColumn('guidance_frequency', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('end_kind', 'text', (c) =>
      c.check(
        sql`end_kind in (${list(['private_rental', 'shm', 'svk', 'family', 'institution', 'broken_off', 'unknown'])})`,
      ),
    )
    // A NIS code, 'outside_region' or 'unknown'.
    .addColumn('destination', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'housing_trajectories_end_check',
      sql`(end_date is null) = (end_kind is null) and (end_date is null or end_date >= move_in)`,
    )
    .execute();
  // A home holds one household at a time: two move-ins racing for it, only one commits.
  await sql`create unique index housing_trajectories_occupied_idx on housing_trajectories (home_id) where end_date is null`.execute(
    db,
  );

  await db.schema
    .createTable('housing_contingent_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_nis', 'text', (c) => c.notNull().references('municipalities.nis'))
    .addColumn('referrer', 'text', (c) =>
      c.notNull().check(sql`referrer in (${list(['ocmw', 'caw', 'youth_care', 'mental_health', 'shm'])})`),
    )
    .addColumn('household_type', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('requested', 'granted', 'refused', 'withdrawn')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'housing_contingent_requests',
    'housing_trajectories',
    'housing_allocations',
    'housing_registrations',
    'transit_homes',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('duty_worker', 'coordinator', 'ocmw_staff', 'admin'))`.execute(
    db,
  );
}
