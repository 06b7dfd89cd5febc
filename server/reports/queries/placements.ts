// Placements, nights used and occupancy per place type.
import type { PlaceType } from '../../db/schema';
import { share, type Db, type FigureScope } from '../scope';
import { periodRows, sumBy, type PeriodRows } from './period-rows';

export const PLACE_TYPES = [
  'caw_noodkamer',
  'crisisbed',
  'hotel',
  'ocmw_noodwoning',
  'doorgangswoning',
  'vluchthuis',
] as const satisfies readonly PlaceType[];

/**
 * Nights used per place type: the nights of the guarantees (guarantees.nights from first_night) that
 * fall in the period, so a stay across a month end counts in both months. Occupancy = nights used /
 * (capacity of the region's active places of that type x nights in the period). With a municipality
 * filter it is that municipality's share of the regional pool. With a region: its intakes' guarantees (wherever
 * the place lies) over the capacity of its own places. Placements: holds that became one (placed or ended,
 * placed_at in the period), of the region's intakes (a hold without an intake: of its places).
 */
async function capacityByType(db: Db, { intakeRegion, region }: FigureScope) {
  const capacityRegion = intakeRegion ?? region;
  const rows = await db
    .selectFrom('places')
    .select('type')
    .select((eb) => eb.fn.sum<string>('capacity').as('capacity'))
    .where('active', '=', true)
    .$if(!!capacityRegion, (q) => q.where('region_code', '=', capacityRegion!))
    .groupBy('type')
    .execute();
  return new Map(rows.map((r) => [r.type as string, Number(r.capacity)]));
}

/**
 * One table: placements, nights, capacity and occupancy for each place type.
 * @public
 */
export async function placeTypeTable(db: Db, scope: FigureScope, rows: PeriodRows = periodRows(db, scope)) {
  const { from, to } = scope.period;
  const [placedRows, stays, capacity] = await Promise.all([rows.placed(), rows.stays(), capacityByType(db, scope)]);
  const placed = sumBy(
    placedRows,
    (r) => r.type,
    (r) => r.n,
  );
  const nightsOf = sumBy(
    stays,
    (r) => r.type,
    (r) => r.nights,
  );
  const centsOf = sumBy(
    stays,
    (r) => r.type,
    (r) => r.cents,
  );
  const used = new Map([...nightsOf].map(([type, nights]) => [type, { nights, cents: centsOf.get(type) ?? 0 }]));
  const types = [
    ...PLACE_TYPES,
    ...[...used.keys(), ...placed.keys()].filter((t) => !(PLACE_TYPES as readonly string[]).includes(t)),
  ];
  const table = [...new Set(types)].map((type) => {
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
    table.reduce((a, r) => a + r[k], 0);
  return {
    byType: table,
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
