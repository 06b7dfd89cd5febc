// The board: every place with what is free tonight, its holds with their countdown, how fresh a
// hotel's count is, and whether it suits the household being placed (shared/rules/board-view.ts:
// suitable and free first, the ordinary before the specialised, then nearest).
// `readBoardPlaces` is the part that is the same for every worker of a role scope; the board cache
// (board-cache.ts) keeps it per change, and the view for a household is applied in memory.
import type { Kysely, Selectable } from 'kysely';
import { boardView, type BoardViewFilter } from '../../shared/rules/board-view';
import { nightBounds, nightOf } from '../../shared/rules/night';
import type { Household } from '../../shared/rules/suitability';
import type { Database, HoldTable, PlaceType, Role } from '../db/schema';
import { can } from '../policies';

export interface BoardFilter {
  household?: Household;
  municipality?: string;
  types?: PlaceType[];
  /** Only this region's places (issue 15: each region has its own board). */
  region?: string;
}
/** @public */
export const DEFAULT_STALE_HOURS = 6;

/** The scopes the board differs by: with confidential addresses, or without. */
export type BoardScope = 'addresses' | 'desk';
/** Who may read a confidential address (a women's refuge, policy `places.addresses`): the rest of the desk gets null. */
export const boardScopeOf = (role: Role): BoardScope => (can(role, 'places.addresses') ? 'addresses' : 'desk');

/** A hold as the board shows it, on a place of the region or at a neighbour's (one shape for both). */
function holdOnBoard(
  h: Pick<
    Selectable<HoldTable>,
    'id' | 'unit_no' | 'initials' | 'status' | 'household' | 'expires_at' | 'placed_at' | 'created_by'
  >,
) {
  return {
    id: h.id,
    unit: h.unit_no,
    initials: h.initials,
    status: h.status,
    household: h.household,
    expiresAt: new Date(h.expires_at).toISOString(),
    placedAt: h.placed_at ? new Date(h.placed_at).toISOString() : null,
    createdBy: h.created_by,
  };
}

export type BoardPlaces = Awaited<ReturnType<typeof readBoardPlaces>>;
export type BoardPlaceRow = BoardPlaces['places'][BoardScope][number];

/** Every active place with what is free tonight, for the role scope; not yet seen for a household. */
export async function readBoardPlaces(
  db: Kysely<Database>,
  now: Date,
  scopes: readonly BoardScope[],
  staleHours = DEFAULT_STALE_HOURS,
  /** Only this region's places (each region has its own board); every place without one. */
  region?: string,
) {
  const night = nightOf(now);
  const [places, holds, counts, abroad] = await Promise.all([
    db
      .selectFrom('places')
      .innerJoin('municipalities', 'municipalities.nis', 'places.municipality_nis')
      .selectAll('places')
      .select(['municipalities.name as municipality_name', 'municipalities.eerstelijnszone'])
      .where('places.active', '=', true)
      .$if(region !== undefined, (q) => q.where('places.region_code', '=', region!))
      .execute(),
    db
      .selectFrom('holds')
      .select(['id', 'place_id', 'unit_no', 'initials', 'status', 'expires_at', 'placed_at', 'created_by', 'household'])
      .where('status', 'in', ['held', 'placed'])
      .execute(),
    db.selectFrom('hotel_counts').selectAll().where('night', '=', night).execute(),
    region === undefined ? Promise.resolve([]) : heldAtNeighbours(db, region),
  ]);
  const rows = (scope: BoardScope) =>
    places.map((p) => {
      const count = counts.find((c) => c.place_id === p.id);
      const units = p.type === 'hotel' ? (count?.rooms ?? 0) : p.capacity;
      const own = holds.filter((h) => h.place_id === p.id);
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
        address: p.confidential_address && scope !== 'addresses' ? null : p.address,
        units,
        free: Math.max(0, units - own.length),
        hotelCount: count
          ? {
              rooms: count.rooms,
              confirmedBy: count.confirmed_by,
              method: count.method,
              confirmedAt: new Date(count.confirmed_at).toISOString(),
              stale: now.getTime() - new Date(count.confirmed_at).getTime() > staleHours * 3_600_000,
            }
          : null,
        holds: own.map(holdOnBoard),
      };
    });
  // The board changes by itself when a hotel's count grows stale or the night turns (no event says so).
  const turns = counts
    .map((c) => new Date(c.confirmed_at).getTime() + staleHours * 3_600_000)
    .filter((t) => t >= now.getTime());
  return {
    at: now.toISOString(),
    night,
    /** Until when this reading holds without a change: the next count growing stale, or the night's end. */
    validUntil: Math.min(nightEndMs(night), ...turns.map((t) => t + 1)),
    places: Object.fromEntries(scopes.map((s) => [s, rows(s)])) as Record<BoardScope, ReturnType<typeof rows>>,
    /** The region's holds on its neighbours' places (the same for every role scope: no addresses). */
    heldAtNeighbours: abroad,
  };
}

/**
 * The holds (held or placed) on other regions' places made by this region's desk (holds.region_code, the region
 * the maker was working in when holding, migration 027). Oldest first.
 */
async function heldAtNeighbours(db: Kysely<Database>, region: string) {
  const rows = await db
    .selectFrom('holds')
    .innerJoin('places', 'places.id', 'holds.place_id')
    .innerJoin('municipalities', 'municipalities.nis', 'places.municipality_nis')
    .innerJoin('regions', 'regions.code', 'places.region_code')
    .select([
      'holds.id',
      'holds.unit_no',
      'holds.initials',
      'holds.status',
      'holds.household',
      'holds.expires_at',
      'holds.placed_at',
      'holds.created_by',
      'places.id as place_id',
      'places.name as place_name',
      'places.type as place_type',
      'places.phone as place_phone',
      'municipalities.name as municipality_name',
      'regions.code as region_code',
      'regions.name as region_name',
    ])
    .where('holds.status', 'in', ['held', 'placed'])
    .where('holds.region_code', '=', region)
    .where('places.region_code', '!=', region)
    .orderBy('holds.created_at')
    .orderBy('holds.id')
    .execute();
  return rows.map((h) => ({
    region: { code: h.region_code, name: h.region_name },
    place: {
      id: h.place_id,
      name: h.place_name,
      type: h.place_type,
      municipality: h.municipality_name,
      phone: h.place_phone,
    },
    hold: holdOnBoard(h),
  }));
}

/**
 * The regions whose desks hold (or just held) one of these places while the place is another region's: a change
 * there changes their boards too (heldAtNeighbours). A hold released, ended or expired a moment ago still counts, so
 * the holder's board loses it.
 */
export async function holdingRegionsOf(db: Kysely<Database>, placeIds: readonly string[], now: Date) {
  if (!placeIds.length) return [];
  const rows = await db
    .selectFrom('holds')
    .innerJoin('places', 'places.id', 'holds.place_id')
    .select('holds.region_code')
    .distinct()
    .where('holds.place_id', 'in', placeIds)
    .where('holds.region_code', 'is not', null)
    .whereRef('holds.region_code', '!=', 'places.region_code')
    .where((eb) =>
      eb.or([
        eb('holds.status', 'in', ['held', 'placed']),
        eb('holds.updated_at', '>=', new Date(now.getTime() - RECENT_CHANGE_MS)),
      ]),
    )
    .execute();
  return rows.flatMap((r) => (r.region_code ? [r.region_code] : []));
}
/** How long a closed hold still makes its holder's board read again (the change's own announcement is at once). */
const RECENT_CHANGE_MS = 15 * 60_000;

const nightEndMs = (night: string) => nightBounds(night).end.toMillis();

/**
 * The board for one worker: the role's scope, seen for the household (nearness: the municipality's zone).
 * @public
 */
export async function readBoard(
  db: Kysely<Database>,
  now: Date,
  role: Role,
  f: BoardFilter,
  staleHours = DEFAULT_STALE_HOURS,
) {
  const scope = boardScopeOf(role);
  const [read, near] = await Promise.all([
    readBoardPlaces(db, now, [scope], staleHours, f.region),
    nearOf(db, f.municipality),
  ]);
  return { at: read.at, night: read.night, places: viewFor(read.places[scope], f, near) };
}

/** The municipality where help is asked, with its eerstelijnszone (for nearness); null without one. */
export async function nearOf(db: Kysely<Database>, nis: string | undefined) {
  if (!nis) return null;
  return (
    (await db
      .selectFrom('municipalities')
      .select(['nis', 'eerstelijnszone'])
      .where('nis', '=', nis)
      .executeTakeFirst()) ?? null
  );
}

export function viewFor(places: readonly BoardPlaceRow[], f: BoardFilter, near: BoardViewFilter['municipality']) {
  return boardView(places, { household: f.household ?? null, municipality: near, types: f.types });
}
