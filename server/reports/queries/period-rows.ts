// The period's intakes, placements and guarantee stays, each read once with every dimension the dashboard
// groups them by (place type, competent municipality, night), and grouped in code: the places table, the
// timeline and the table per municipality each used to read them again with the same conditions (issue 17,
// point 3: three scans of holds and of guarantees became one each). A query run on its own (a CSV export,
// the bench) reads them itself.
import { sql } from 'kysely';
import {
  guaranteeOverlaps,
  inPeriod,
  inRegion,
  inScope,
  intakeOf,
  nightExpr,
  type Db,
  type FigureScope,
} from '../scope';

/** Intakes created in the period, by competent municipality and night. */
export interface IntakeRow {
  nis: string;
  night: string;
  n: number;
  children: number;
}
/** Placements (holds placed or ended, placed_at in the period), by place type, competent municipality and night. */
export interface PlacedRow {
  type: string;
  /** Null for a hold without an intake. */
  nis: string | null;
  night: string;
  n: number;
}
/** Guarantees with a night in the period, by place type, competent municipality, first night, length and price. */
export interface StayRow {
  type: string;
  nis: string | null;
  first: string;
  nights: number;
  cents: number;
  n: number;
  /** How many of the stay's nights fall in the period (nightsWithin), worked out once when read. */
  within: number;
}

/** Each read starts when a query first asks for it, and is shared by the queries after it. */
export interface PeriodRows {
  intakes: () => Promise<IntakeRow[]>;
  placed: () => Promise<PlacedRow[]>;
  stays: () => Promise<StayRow[]>;
}

const day = (column: string) => sql<string>`to_char(${nightExpr(column)}, 'YYYY-MM-DD')`;

/**
 * The period's three reads for one scope, each started when first asked for.
 * @public
 */
export function periodRows(db: Db, scope: FigureScope): PeriodRows {
  const once = <T>(read: () => Promise<T>) => {
    let started: Promise<T> | undefined;
    return () => (started ??= read());
  };
  return {
    intakes: once(() => intakeRows(db, scope)),
    placed: once(() => placedRows(db, scope)),
    stays: once(() => stayRows(db, scope)),
  };
}

async function intakeRows(db: Db, { period, nis, intakeRegion }: FigureScope): Promise<IntakeRow[]> {
  const r = await sql<IntakeRow>`
    select i.competent_nis as nis, ${day('i.created_at')} as night, count(*)::int as n,
           coalesce(sum(i.children), 0)::int as children
    from intakes i
    where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
      and ${inRegion('i.region_code', intakeRegion)}
    group by 1, 2`.execute(db);
  return r.rows;
}

/**
 * An intake names at most one hold (intakes.hold_id is unique), so the join counts each hold once; in the region:
 * its intake's region, or for a hold without an intake its place's (as scope.ts `placedIn`).
 */
async function placedRows(db: Db, { period, nis, intakeRegion }: FigureScope): Promise<PlacedRow[]> {
  const r = await sql<PlacedRow>`
    select p.type, i.competent_nis as nis, ${day('h.placed_at')} as night, count(*)::int as n
    from holds h join places p on p.id = h.place_id
      left join lateral (${intakeOf(sql`x.hold_id = h.id`)}) i on true
    where h.status in ('placed', 'ended') and h.placed_at is not null and ${inPeriod('h.placed_at', period)}
      and ${inScope('i.competent_nis', nis)}
      and ${intakeRegion ? sql`coalesce(i.region_code, p.region_code) = ${intakeRegion}` : sql`true`}
    group by 1, 2, 3`.execute(db);
  return r.rows;
}

/** A guarantee's intake is its primary key's row: the left join keeps one row per guarantee. */
async function stayRows(db: Db, { period, nis, intakeRegion }: FigureScope): Promise<StayRow[]> {
  const r = await sql<Omit<StayRow, 'within'>>`
    select p.type, i.competent_nis as nis, g.first_night as first, g.nights, g.cost_per_night_cents::float8 as cents,
           count(*)::int as n
    from guarantees g join places p on p.id = g.place_id left join lateral (${intakeOf(sql`x.id = g.intake_id`)}) i on true
    where ${guaranteeOverlaps(period)} and ${inScope('i.competent_nis', nis)}
      and ${inRegion('i.region_code', intakeRegion)}
    group by 1, 2, 3, 4, 5`.execute(db);
  return r.rows.map((s) => ({ ...s, within: nightsWithin(s.first, s.nights, period.from, period.to) }));
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date (a night is a date: no clock, so no clock change). Read from the
 * digits: a dashboard counts thousands of stays, and parsing a date string for each cost more than the queries.
 */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * The date (YYYY-MM-DD) of a day number.
 * @public
 */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The nights of a stay (first night, length) that fall in [from, to], as day numbers from `start` up to, not
 * including, `end` (empty when end <= start).
 * @public
 */
export function nightRange(first: string, nights: number, from: string, to: string): { start: number; end: number } {
  const f = dayNumber(first);
  return { start: Math.max(f, dayNumber(from)), end: Math.min(f + nights, dayNumber(to) + 1) };
}

/** How many nights of a stay (first night, length) fall in [from, to]: as scope.ts `nightsInPeriod`. */
export function nightsWithin(first: string, nights: number, from: string, to: string): number {
  const { start, end } = nightRange(first, nights, from, to);
  return Math.max(0, end - start);
}

/** Sums `value` of rows by `key`. */
export function sumBy<R>(
  rows: readonly R[],
  key: (r: R) => string | null,
  value: (r: R) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + value(r));
  }
  return out;
}
