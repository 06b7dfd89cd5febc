// Retention for the wooncel: a registration keeps its counts and categories and loses the person's
// name once RETENTION_DAYS have passed since the case ended: withdrawn, or the trajectory ended
// (outflow). Waiting and living households keep their names however long it takes. Figures stay exact.
import { sql, type Transaction } from 'kysely';
import { localDate } from '../../shared/rules/wall-clock';
import type { Database } from '../db/schema';

/** @public */
export async function pseudonymiseHousing(trx: Transaction<Database>, now: Date, before: Date): Promise<number> {
  const ended = trx
    .selectFrom('housing_trajectories')
    .select('registration_id')
    .where('end_date', '<', localDate(before));
  const rows = await trx
    .updateTable('housing_registrations')
    .set({ person_name: sql`'Pseudoniem ' || left(id::text, 8)`, pseudonymised_at: now })
    .where('pseudonymised_at', 'is', null)
    .where((eb) =>
      eb.or([eb.and([eb('status', '=', 'withdrawn'), eb('registered_at', '<', before)]), eb('id', 'in', ended)]),
    )
    .returning('id')
    .execute();
  return rows.length;
}
