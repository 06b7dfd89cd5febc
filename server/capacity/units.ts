// How many units a place has tonight: its capacity for places the region owns, the count the hotel
// confirmed for tonight for partner hotels (no count, no rooms: we never book on a guess).
import type { Kysely, Transaction } from 'kysely';
import type { Database, PlaceType } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function unitsTonight(
  db: Db,
  place: { id: string; type: PlaceType; capacity: number },
  night: string,
): Promise<number> {
  if (place.type !== 'hotel') return place.capacity;
  const count = await db
    .selectFrom('hotel_counts')
    .select('rooms')
    .where('place_id', '=', place.id)
    .where('night', '=', night)
    .executeTakeFirst();
  return count?.rooms ?? 0;
}

export async function takenUnits(db: Db, placeId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('holds')
    .select('unit_no')
    .where('place_id', '=', placeId)
    .where('status', 'in', ['held', 'placed'])
    .execute();
  return new Set(rows.map((r) => r.unit_no));
}

export function firstFreeUnit(units: number, taken: Set<number>): number | null {
  for (let u = 1; u <= units; u++) if (!taken.has(u)) return u;
  return null;
}

/** PostgreSQL's unique_violation, as both pg and PGlite report it. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';
