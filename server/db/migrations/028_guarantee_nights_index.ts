// The key figures read the guarantees with a night in the period. `first_night::date + nights > from` cannot use an
// index (a text-to-date cast depends on DateStyle, so it is not immutable), so every guarantee of every region and
// year was read and cast: on ten years of five regions the largest part of the figures per place type and per
// municipality. The nights as a date range built from first_night's digits are immutable, and a GiST index on that
// range answers "overlaps the period" exactly. reports/scope.ts `guaranteeOverlaps` writes the same expression.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index guarantees_nights_idx on guarantees using gist (daterange(
      make_date(substr(first_night, 1, 4)::int, substr(first_night, 6, 2)::int, substr(first_night, 9, 2)::int),
      make_date(substr(first_night, 1, 4)::int, substr(first_night, 6, 2)::int, substr(first_night, 9, 2)::int)
        + nights))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index guarantees_nights_idx`.execute(db);
}
