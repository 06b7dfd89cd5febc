// Placements, nights used and occupancy per place type.
import { sql } from 'kysely';
import type { PlaceType } from '../../db/schema';
import {
  guaranteeOverlaps,
  inPeriod,
  inRegion,
  inScope,
  nightsInPeriod,
  placedIn,
  share,
  type Db,
  type FigureScope,
} from '../scope';

export const PLACE_TYPES = [
  'caw_noodkamer',
  'crisisbed',
  'hotel',
  'ocmw_noodwoning',
  'doorgangswoning',
  'vluchthuis',
] as const satisfies readonly PlaceType[];

/**
 * Placements (holds that became one: placed or ended, placed_at in the period) by place type. With a
 * municipality filter only placements whose intake is that municipality's count; with a region only those of
 * its intakes (a hold without an intake: of its places).
 */
export async function placementsByType(db: Db, { period, nis, intakeRegion }: FigureScope) {
  const rows = await sql<{ type: string; n: number }>`
    select p.type, count(*)::int as n
    from holds h join places p on p.id = h.place_id
    ${nis === null && !intakeRegion ? sql`` : sql`left join intakes i on i.hold_id = h.id`}
    where h.status in ('placed', 'ended') and h.placed_at is not null and ${inPeriod('h.placed_at', period)}
      and ${inScope('i.competent_nis', nis)} and ${placedIn(intakeRegion)}
    group by 1`.execute(db);
  return new Map(rows.rows.map((r) => [r.type, r.n]));
}

/**
 * Nights used per place type: the nights of the guarantees (guarantees.nights from first_night) that
 * fall in the period, so a stay across a month end counts in both months. Occupancy = nights used /
 * (capacity of the region's active places of that type x nights in the period). With a municipality
 * filter it is that municipality's share of the regional pool. With a region: its intakes' guarantees (wherever
 * the place lies) over the capacity of its own places.
 */
export async function nightsByType(db: Db, { period, nis, intakeRegion, region }: FigureScope) {
  const capacityRegion = intakeRegion ?? region;
  const [used, capacity] = await Promise.all([
    sql<{ type: string; nights: number; cents: number }>`
      select p.type, coalesce(sum(${nightsInPeriod(period)}), 0)::int as nights,
             coalesce(sum(${nightsInPeriod(period)} * g.cost_per_night_cents), 0)::float8 as cents
      from guarantees g join places p on p.id = g.place_id
      ${nis === null && !intakeRegion ? sql`` : sql`join intakes i on i.id = g.intake_id`}
      where ${guaranteeOverlaps(period)} and ${inScope('i.competent_nis', nis)}
        and ${inRegion('i.region_code', intakeRegion)}
      group by 1`.execute(db),
    db
      .selectFrom('places')
      .select('type')
      .select((eb) => eb.fn.sum<string>('capacity').as('capacity'))
      .where('active', '=', true)
      .$if(!!capacityRegion, (q) => q.where('region_code', '=', capacityRegion!))
      .groupBy('type')
      .execute(),
  ]);
  return {
    used: new Map(used.rows.map((r) => [r.type, { nights: r.nights, cents: r.cents }])),
    capacity: new Map(capacity.map((r) => [r.type as string, Number(r.capacity)])),
  };
}

/**
 * One table: placements, nights, capacity and occupancy for each place type.
 * @public
 */
export async function placeTypeTable(db: Db, scope: FigureScope) {
  const [placed, { used, capacity }] = await Promise.all([placementsByType(db, scope), nightsByType(db, scope)]);
  const types = [
    ...PLACE_TYPES,
    ...[...used.keys(), ...placed.keys()].filter((t) => !(PLACE_TYPES as readonly string[]).includes(t)),
  ];
  const rows = [...new Set(types)].map((type) => {
    const units = capacity.get(type) ?? 0;
    const nights = used.get(type)?.nights ?? 0;
    return {
      type,
      placements: placed.get(type) ?? 0,
      nightsUsed: nights,
      costCents: used.get(type)?.cents ?? 0,
      capacity: units,
      capacityNights: units * scope.period.nights,
      occupancy: share(nights, units * scope.period.nights),
    };
  });
  const sum = (k: 'placements' | 'nightsUsed' | 'costCents' | 'capacity' | 'capacityNights') =>
    rows.reduce((a, r) => a + r[k], 0);
  return {
    byType: rows,
    total: {
      placements: sum('placements'),
      nightsUsed: sum('nightsUsed'),
      costCents: sum('costCents'),
      capacity: sum('capacity'),
      capacityNights: sum('capacityNights'),
      occupancy: share(sum('nightsUsed'), sum('capacityNights')),
    },
  };
}
