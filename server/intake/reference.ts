// Allocating an intake's reference inside the transaction that writes the intake. The counter row
// of (region letter, night) is bumped with INSERT ... ON CONFLICT DO UPDATE ... RETURNING: on
// PostgreSQL a second transaction on any instance waits for the first's row lock and then reads its
// committed count, so two intakes never get one number; PGlite runs one transaction at a time.
import { sql, type Transaction } from 'kysely';
import { formatReference, referenceNight, regionLetter } from '../../shared/rules/intake/reference';
import type { Database } from '../db/schema';

export async function allocateReference(
  trx: Transaction<Database>,
  now: Date,
  requestNis: string,
): Promise<{ reference: string; night: string }> {
  const own = await trx
    .selectFrom('municipalities')
    .innerJoin('regions', 'regions.code', 'municipalities.region_code')
    .select(['regions.name', 'regions.settings'])
    .where('municipalities.nis', '=', requestNis)
    .executeTakeFirst();
  // A request made outside the desk's regions is still the desk's case: the first region's letter.
  const region =
    own ??
    (await trx
      .selectFrom('regions')
      .select(['name', 'settings'])
      .orderBy('position')
      .orderBy('code')
      .executeTakeFirst());
  const settings = (region?.settings ?? {}) as { reference?: { letter?: string } };
  const letter = regionLetter(region?.name ?? 'X', settings.reference?.letter);
  const night = referenceNight(now);
  const row = await trx
    .insertInto('intake_reference_counters')
    .values({ letter, night, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['letter', 'night']).doUpdateSet({ last_no: sql`intake_reference_counters.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return { reference: formatReference({ letter, night, no: row.last_no }), night };
}
