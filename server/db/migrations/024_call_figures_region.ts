// The key figures read a period's calls of ONE region (issue 15: every figure is per region). The covering
// index of migration 021 was keyed on started_at alone, so every call of the period, of every region, was
// read and its region checked in the table. This one leads with the region, covers what the call figures
// read (so they come from the index alone), and replaces both 021's index and 019's (region_code,
// started_at), whose key it repeats. calls_started_idx (003) stays for what filters by time alone.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index calls_region_figures_idx on calls (region_code, started_at)
    include (outcome, night, local_hour, from_number, answered_at)`.execute(db);
  await sql`drop index calls_figures_idx`.execute(db);
  await sql`drop index calls_region_started_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('calls_region_started_idx').on('calls').columns(['region_code', 'started_at']).execute();
  await sql`create index calls_figures_idx on calls (started_at) include (outcome, night, local_hour, from_number, answered_at)`.execute(
    db,
  );
  await sql`drop index calls_region_figures_idx`.execute(db);
}
