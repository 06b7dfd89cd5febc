// Intakes (aanmeldingen) of the period, limited to the competent municipality (intakes.competent_nis).
import { sql } from 'kysely';
import { ETHOS, HOUSEHOLD_TYPES, REFERRER_KINDS } from '../../../shared/rules/intake/intake-schema';
import { inPeriod, inRegion, inScope, round, type Db, type FigureScope } from '../scope';

interface Row {
  household_type: string | null;
  ethos: string | null;
  referrer_kind: string | null;
  set: number;
  n: number;
  adults: number;
  children: number;
}

/** Every known value first (zeros included), then any other value found, so a chart keeps its order. */
function ordered(known: readonly string[], found: Map<string, Row>): [string, Row | undefined][] {
  const extra = [...found.keys()].filter((k) => !known.includes(k)).sort();
  return [...known, ...extra].map((k) => [k, found.get(k)]);
}

/**
 * Households by type (children counted on their own), ETHOS situations and referrers: one scan.
 * @public
 */
export async function intakeMix(db: Db, { period, nis, intakeRegion }: FigureScope) {
  const rows = await sql<Row>`
    select household_type, ethos, referrer_kind,
           grouping(household_type, ethos, referrer_kind)::int as set,
           count(*)::int as n, coalesce(sum(adults), 0)::int as adults, coalesce(sum(children), 0)::int as children
    from intakes i where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
      and ${inRegion('i.region_code', intakeRegion)}
    group by grouping sets ((), (household_type), (ethos), (referrer_kind))`.execute(db);
  // grouping() is a bit mask: household_type 4, ethos 2, referrer_kind 1, a bit set where the row is not grouped by it.
  const total = rows.rows.find((r) => r.set === 7);
  const pick = (set: number, key: (r: Row) => string | null) =>
    new Map(rows.rows.filter((r) => r.set === set).map((r) => [key(r) ?? '', r]));
  const households = pick(3, (r) => r.household_type);
  const ethos = pick(5, (r) => r.ethos);
  const referrers = pick(6, (r) => r.referrer_kind);
  return {
    total: total?.n ?? 0,
    adults: total?.adults ?? 0,
    children: total?.children ?? 0,
    byHousehold: ordered(HOUSEHOLD_TYPES, households).map(([type, row]) => ({
      type,
      intakes: row?.n ?? 0,
      adults: row?.adults ?? 0,
      children: row?.children ?? 0,
    })),
    byEthos: ordered(ETHOS, ethos).map(([key, row]) => ({ ethos: key, intakes: row?.n ?? 0 })),
    byReferrer: ordered(REFERRER_KINDS, referrers).map(([kind, row]) => ({
      kind,
      intakes: row?.n ?? 0,
      children: row?.children ?? 0,
    })),
  };
}

/**
 * Minutes from the start of the call to the placement (intakes.call_id -> calls, intakes.hold_id -> holds), each
 * looked up by its key from the period's intakes (a join hashed every hold of every year).
 * @public
 */
export async function callToPlacement(db: Db, { period, nis, intakeRegion }: FigureScope) {
  const r = await sql<{ n: number; mean: number | null; median: number | null; p90: number | null }>`
    select count(*)::int as n, avg(m)::float8 as mean,
           percentile_cont(0.5) within group (order by m)::float8 as median,
           percentile_cont(0.9) within group (order by m)::float8 as p90
    from (select extract(epoch from h.placed_at - c.started_at)::float8 / 60 as m
          from intakes i
            join lateral (select y.placed_at from holds y where y.id = i.hold_id and y.placed_at is not null offset 0) h on true
            join lateral (select y.started_at from calls y where y.id = i.call_id offset 0) c on true
          where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
            and ${inRegion('i.region_code', intakeRegion)}) x`.execute(db);
  const row = r.rows[0]!;
  const m = (v: number | null) => (v === null ? null : round(v));
  return { count: row.n, meanMin: m(row.mean), medianMin: m(row.median), p90Min: m(row.p90) };
}
