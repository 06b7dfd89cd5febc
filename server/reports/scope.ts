// What every figure query receives, and the SQL pieces they share. Figures are counts and sums only:
// no query here selects a name, birth date, story, phone number or free text of a person.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ZONE } from '../../shared/rules/wall-clock';
import type { Database } from '../db/schema';
import type { Period } from './period';

export interface FigureScope {
  period: Period;
  /** Municipalities (NIS) the intake-side figures are limited to (intakes.competent_nis); null: the whole region. */
  nis: string[] | null;
  /** The server's clock: a handoff not yet acknowledged is late only once its grace has passed. */
  now: Date;
  /** The region whose calls and rota count (issue 15); absent or null: every call, the first region's rota. */
  region?: string | null;
  /**
   * The region whose intakes count (intakes.region_code), and with them their placements, nights, guarantees and
   * handoffs; its active places are the capacity. Absent or null: every region's (OCMW staff, whose municipality
   * scope reaches across regions), with the capacity of `region`.
   */
  intakeRegion?: string | null;
}

export type Db = Kysely<Database>;

/** The region's time zone as an SQL literal (a constant, so grouping expressions stay identical). */
export const LOCAL = sql.raw(`'${ZONE}'`);

/** `column in (...)` for the scope, or true for the whole region. */
export function inScope(column: string, nis: string[] | null): RawBuilder<boolean> {
  return nis === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} in (${sql.join(nis)})`;
}

/**
 * The intake of one hold, guarantee or handoff, looked up by its unique key, for `left join lateral (...) i on
 * true`. `offset 0` keeps PostgreSQL from folding it into a hash join over every intake of every year: a
 * year's few thousand lookups cost a fraction of that.
 */
export const intakeOf = (match: RawBuilder<boolean>) =>
  sql`select x.competent_nis, x.region_code from intakes x where ${match} offset 0`;

/** `column` = the scope's region, or true without one. */
export function inRegion(column: string, region: string | null | undefined): RawBuilder<boolean> {
  return region ? sql<boolean>`${sql.ref(column)} = ${region}` : sql<boolean>`true`;
}

/**
 * A placement (alias h, with intakes i left-joined on i.hold_id) in the region: its intake's region, or for a
 * hold without an intake its place's; true without a region.
 */
export function placedIn(region: string | null | undefined): RawBuilder<boolean> {
  return region
    ? sql<boolean>`coalesce(i.region_code, (select pr.region_code from places pr where pr.id = h.place_id)) = ${region}`
    : sql<boolean>`true`;
}

/** `column` (a timestamptz) within the period's instants. */
export function inPeriod(column: string, period: Period): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} >= ${period.start} and ${sql.ref(column)} < ${period.end}`;
}

/** The local date of the desk's night an instant falls in (noon to noon), as an SQL date. */
export function nightExpr(column: string): RawBuilder<string> {
  return sql<string>`((${sql.ref(column)} at time zone ${LOCAL}) - interval '12 hours')::date`;
}

/** The nights of a guarantee that fall in the period: overlap of [first, first + nights) with [from, to]. */
export function nightsInPeriod(period: Period): RawBuilder<number> {
  return sql<number>`greatest(0, least(g.first_night::date + g.nights, ${period.to}::date + 1) - greatest(g.first_night::date, ${period.from}::date))`;
}

/**
 * A guarantee's first night (alias g) as a date, from its digits: immutable, unlike `first_night::date`, so an index
 * can hold it (migration 028).
 */
const firstNight = sql`make_date(substr(g.first_night, 1, 4)::int, substr(g.first_night, 6, 2)::int, substr(g.first_night, 9, 2)::int)`;

/** Guarantees with at least one night in the period (alias g): their nights' range overlaps it (migration 028's index). */
export function guaranteeOverlaps(period: Period): RawBuilder<boolean> {
  return sql<boolean>`daterange(${firstNight}, ${firstNight} + g.nights) && daterange(${period.from}::date, ${period.to}::date + 1)`;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
