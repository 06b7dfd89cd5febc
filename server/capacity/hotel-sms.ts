// Partner hotels by SMS: at shift start the desk asks every partner hotel how many rooms it can give
// tonight; a reply that is just a number updates the board (method 'sms', confirmed by the hotel).
import type { Kysely } from 'kysely';
import { nightOf } from '../../shared/rules/night';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';

export const HOTEL_QUESTION =
  'Permanentie noodopvang: hoeveel kamers kunt u ons vannacht geven? Antwoord met enkel een getal (0 als er geen zijn).';

/** Texts the partner hotels of one region (the asking worker's): another region asks its own. */
export async function askHotels(services: Services, region: string): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  const hotels = await db
    .selectFrom('places')
    .select(['id', 'phone'])
    .where('region_code', '=', region)
    .where('type', '=', 'hotel')
    .where('active', '=', true)
    .where('phone', 'is not', null)
    .execute();
  let asked = 0;
  for (const h of hotels) {
    if (
      await enqueueSms(db, now, {
        to: h.phone!,
        body: HOTEL_QUESTION,
        kind: 'hotel',
        region,
        dedupeKey: `hotel:${nightOf(now)}:${h.id}`,
      })
    )
      asked++;
  }
  return asked;
}

/** A hotel's reply: true when it was a count for one of our partner hotels (and the board is updated). */
/**
 * Records a partner hotel's numeric reply; returns its place id (announce it once the caller's transaction commits), or null.
 * @public
 */
export async function hotelReply(
  services: Services,
  db: Kysely<Database>,
  from: string,
  body: string,
): Promise<string | null> {
  const count = body.trim().match(/^(\d{1,2})$/);
  if (!count) return null;
  const hotel = await db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('type', '=', 'hotel')
    .where('phone', '=', from)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!hotel) return null;
  const now = services.clock.now();
  const rooms = Number(count[1]);
  const row = {
    rooms,
    confirmed_by: `${hotel.name} (sms)`,
    method: 'sms' as const,
    confirmed_at: now,
    recorded_by: null,
  };
  await db
    .insertInto('hotel_counts')
    .values({ place_id: hotel.id, night: nightOf(now), ...row })
    .onConflict((oc) => oc.columns(['place_id', 'night']).doUpdateSet(row))
    .execute();
  return hotel.id;
}
