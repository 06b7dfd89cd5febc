// The board: every place with what is free tonight, its holds with their countdown, how fresh a
// hotel's count is, and whether it suits the household being placed. Suitable and free first, the
// ordinary before the specialised (refuge, crisis bed), then nearest: same municipality, same
// eerstelijnszone, the rest.
import type { Kysely } from 'kysely';
import { nightOf } from '../../shared/rules/night';
import { SPECIALISED_TYPES, unmetNeeds, type Household } from '../../shared/rules/suitability';
import type { Database, PlaceType, Role } from '../db/schema';
import { can } from '../policies';

export interface BoardFilter {
  household?: Household;
  municipality?: string;
  types?: PlaceType[];
  /** Only this region's places (issue 15: each region has its own board). */
  region?: string;
}
export const DEFAULT_STALE_HOURS = 6;

export async function readBoard(
  db: Kysely<Database>,
  now: Date,
  role: Role,
  f: BoardFilter,
  staleHours = DEFAULT_STALE_HOURS,
) {
  const night = nightOf(now);
  let q = db
    .selectFrom('places')
    .innerJoin('municipalities', 'municipalities.nis', 'places.municipality_nis')
    .selectAll('places')
    .select(['municipalities.name as municipality_name', 'municipalities.eerstelijnszone'])
    .where('places.active', '=', true);
  if (f.types?.length) q = q.where('places.type', 'in', f.types);
  if (f.region) q = q.where('places.region_code', '=', f.region);
  const [places, holds, counts, near] = await Promise.all([
    q.execute(),
    db
      .selectFrom('holds')
      .select(['id', 'place_id', 'unit_no', 'initials', 'status', 'expires_at', 'created_by', 'household'])
      .where('status', 'in', ['held', 'placed'])
      .execute(),
    db.selectFrom('hotel_counts').selectAll().where('night', '=', night).execute(),
    f.municipality
      ? db
          .selectFrom('municipalities')
          .select(['nis', 'eerstelijnszone'])
          .where('nis', '=', f.municipality)
          .executeTakeFirst()
      : undefined,
  ]);
  const rows = places.map((p) => {
    const count = counts.find((c) => c.place_id === p.id);
    const units = p.type === 'hotel' ? (count?.rooms ?? 0) : p.capacity;
    const own = holds.filter((h) => h.place_id === p.id);
    const unmet = f.household ? unmetNeeds(p.suits, f.household) : [];
    const distance = !near
      ? 0
      : p.municipality_nis === near.nis
        ? 0
        : p.eerstelijnszone === near.eerstelijnszone
          ? 1
          : 2;
    return {
      id: p.id,
      name: p.name,
      provider: p.provider,
      type: p.type,
      suits: p.suits,
      roomType: p.room_type,
      municipality: { nis: p.municipality_nis, name: p.municipality_name, eerstelijnszone: p.eerstelijnszone },
      costPerNightCents: p.cost_per_night_cents,
      phone: p.phone,
      confidentialAddress: p.confidential_address,
      meetingPoint: p.meeting_point,
      address: p.confidential_address && !can(role, 'places.addresses') ? null : p.address,
      units,
      free: Math.max(0, units - own.length),
      unmet,
      suitable: unmet.length === 0,
      distance,
      hotelCount: count
        ? {
            rooms: count.rooms,
            confirmedBy: count.confirmed_by,
            method: count.method,
            confirmedAt: new Date(count.confirmed_at).toISOString(),
            stale: now.getTime() - new Date(count.confirmed_at).getTime() > staleHours * 3_600_000,
          }
        : null,
      holds: own.map((h) => ({
        id: h.id,
        unit: h.unit_no,
        initials: h.initials,
        status: h.status,
        household: h.household,
        expiresAt: new Date(h.expires_at).toISOString(),
        createdBy: h.created_by,
      })),
    };
  });
  const special = (r: { type: string }) => Number(SPECIALISED_TYPES.includes(r.type));
  rows.sort(
    (a, b) =>
      Number(b.suitable) - Number(a.suitable) ||
      Number(b.free > 0) - Number(a.free > 0) ||
      special(a) - special(b) ||
      a.distance - b.distance ||
      a.name.localeCompare(b.name, 'nl'),
  );
  return { at: now.toISOString(), night, places: rows };
}
