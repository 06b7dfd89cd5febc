// Allocating an intake's reference inside the transaction that writes the intake. The counter row
// of (region letter, night) is bumped with INSERT ... ON CONFLICT DO UPDATE ... RETURNING: on
// PostgreSQL a second transaction on any instance waits for the first's row lock and then reads its
// committed count, so two intakes never get one number; PGlite runs one transaction at a time.
import { sql, type Transaction } from 'kysely';
import { formatReference, referenceNight, regionLetter } from '../../shared/rules/intake/reference';
import type { Database } from '../db/schema';

/**
 * The letter is that of the region whose desk records the intake (`intakes.region_code`), not that of the
 * municipality where help was asked: a request from a neighbour's municipality or from outside Flanders is still
 * this desk's case, and the referrer calls this desk's number with it. Each letter counts on its own, so two desks
 * never draw from one counter (two regions that configured one letter share it, and still never repeat a number).
 */
export async function allocateReference(
  trx: Transaction<Database>,
  now: Date,
  regionCode: string,
): Promise<{ reference: string; night: string }> {
  const region = await trx
    .selectFrom('regions')
    .select(['name', 'settings'])
    .where('code', '=', regionCode)
    .executeTakeFirst();
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
