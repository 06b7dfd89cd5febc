// The intake's part of retention (privacy/retention.ts runs every owner's part in one transaction): after
// RETENTION_DAYS an intake keeps its counts and categories and loses the person.
import { sql } from 'kysely';
import type { Executor } from '../db/schema';

/**
 * Pseudonymises intakes created before `before`; returns them with their holds, whose initials go too.
 * @public
 */
export async function pseudonymiseIntakes(db: Executor, before: Date, now: Date) {
  return db
    .updateTable('intakes')
    .set({
      person_name: sql`'Pseudoniem ' || left(id::text, 8)`,
      birth_date: null,
      sex: null,
      rrn: null,
      person_key: null,
      story: null,
      previous_nights: null,
      needs: sql`'[]'::jsonb`,
      children_ages: null,
      referrer: sql`jsonb_build_object('kind', referrer->>'kind', 'organisation', referrer->>'organisation')`,
      pseudonymised_at: now,
      updated_at: now,
    })
    .where('pseudonymised_at', 'is', null)
    .where('created_at', '<', before)
    .returning(['id', 'hold_id'])
    .execute();
}
