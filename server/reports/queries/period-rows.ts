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
  nightsInPeriod,
  type Db,
  type FigureScope,
} from '../scope';

// No figure needs two of these dimensions at once, so intakes and placements are counted by each alone
// (grouping sets): a row counts by the one dimension it names and has null for the others. By municipality and
// night together a year was thousands of rows to send and read; by each alone, a few hundred.

/** Intakes created in the period, by competent municipality or by night. */
export interface IntakeRow {
  nis: string | null;
  night: string | null;
  n: number;
  children: number;
}
/** Placements (holds placed or ended, placed_at in the period), by place type, competent municipality or night. */
export interface PlacedRow {
  type: string | null;
  /** Also null in the row of the holds without an intake. */
  nis: string | null;
  night: string | null;
  n: number;
}
/**
 * Guarantees with a night in the period, by place type, by competent municipality, by first night or by the
 * day after their last night (`end`): their number, and their nights in the period and those nights' cost.
 */
export interface StayRow {
  type: string | null;
  nis: string | null;
  first: string | null;
  end: string | null;
  n: number;
  /** The nights of these guarantees that fall in the period (scope.ts `nightsInPeriod`). */
  nights: number;
  cents: number;
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
    group by grouping sets ((i.competent_nis), (${day('i.created_at')}))`.execute(db);
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
    group by grouping sets ((p.type), (i.competent_nis), (${day('h.placed_at')}))`.execute(db);
  return r.rows;
}

/**
 * A guarantee's intake is its primary key's row: the left join keeps one row per guarantee. By first night and by
 * end, the timeline counts the guarantees running on each night (those begun minus those ended), instead of
 * reading a row per guarantee, or per night, of a year.
 */
async function stayRows(db: Db, { period, nis, intakeRegion }: FigureScope): Promise<StayRow[]> {
  const end = sql`to_char(g.first_night::date + g.nights, 'YYYY-MM-DD')`;
  const within = nightsInPeriod(period);
  const r = await sql<StayRow>`
    select p.type, i.competent_nis as nis, g.first_night as first, ${end} as end, count(*)::int as n,
           sum(${within})::int as nights, coalesce(sum(${within} * g.cost_per_night_cents), 0)::float8 as cents
    from guarantees g join places p on p.id = g.place_id left join lateral (${intakeOf(sql`x.id = g.intake_id`)}) i on true
    where ${guaranteeOverlaps(period)} and ${inScope('i.competent_nis', nis)}
      and ${inRegion('i.region_code', intakeRegion)}
    group by grouping sets ((p.type), (i.competent_nis), (g.first_night), (${end}))`.execute(db);
  return r.rows;
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
