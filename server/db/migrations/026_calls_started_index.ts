// calls_started_idx (003) kept the calls by time alone. Since every call has its region (019) and every
// read of calls by time is per region (the figures, the call list, the shift summary), the region's index
// (024: region, time, covering the figures' columns) serves them all. With both, PostgreSQL took the
// narrower time index for the figures when one region holds nearly all calls, and read the table for each
// call instead of the index alone (72 ms against 52 ms for a year of the Kempen's calls). And every call
// logged paid for one index more (issue 17). Retention's daily pass over old calls reads the table.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists calls_started_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('calls_started_idx').on('calls').column('started_at').execute();
}
