// The key figures count calls by the desk's night and by the hour on the Brussels wall clock. Working
// them out of `started_at` for every call of a year at every dashboard made it the slowest query; the
// call now carries both, kept by PostgreSQL itself from `started_at` (stored generated columns: set at
// every insert, whoever writes the call, and filled for the calls already there when this runs). The
// expressions are the ones shared/rules/night.ts and wall-clock.ts define: the night runs from 12:00
// to 12:00 local time, and both 02:30s of the autumn clock change are hour 2
// (server/reports/call-night-hour.test.ts checks them against the shared rules across both changes).
// A covering index lets a period's calls be counted from the index alone.
import { sql, type Kysely } from 'kysely';

const ZONE = sql.raw(`'Europe/Brussels'`); // shared/rules/wall-clock.ts ZONE; a constant keeps the expression immutable

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table calls
    add column night date generated always as (((started_at at time zone ${ZONE}) - interval '12 hours')::date) stored,
    add column local_hour smallint generated always as (extract(hour from started_at at time zone ${ZONE})::smallint) stored`.execute(
    db,
  );
  await sql`create index calls_figures_idx on calls (started_at) include (outcome, night, local_hour, from_number, answered_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index calls_figures_idx`.execute(db);
  await sql`alter table calls drop column night, drop column local_hour`.execute(db);
}
