// What happened per night (or per month, for periods longer than two months) and per municipality.
import { sql } from 'kysely';
import { addDays } from '../../../shared/rules/wall-clock';
import {
  guaranteeOverlaps,
  inPeriod,
  inRegion,
  inScope,
  nightExpr,
  nightsInPeriod,
  placedIn,
  type Db,
  type FigureScope,
} from '../scope';
import { callFigures, type CallFigures } from './calls';
import { handoffsOnTime, type HandoffRow } from './handoffs';

/** Up to this many nights the timeline has one bar per night; beyond it one per month. */
export const NIGHTLY_UP_TO = 62;

/**
 * Calls, intakes, placements and guarantee nights per night or month. The calls come from the call
 * figures' one scan when the dashboard passes it; a guarantee's nights are counted per (first night,
 * nights) and spread over their dates here, instead of a row per night in SQL.
 * @public
 */
export async function timeline(db: Db, scope: FigureScope, calls?: Promise<CallFigures>) {
  const { period, nis, intakeRegion } = scope;
  const monthly = period.nights > NIGHTLY_UP_TO;
  const fmt = sql.raw(monthly ? `'YYYY-MM'` : `'YYYY-MM-DD'`);
  const bucket = (column: string) => sql<string>`to_char(${nightExpr(column)}, ${fmt})`;
  const keyOf = (night: string) => (monthly ? night.slice(0, 7) : night);
  const [callNights, intakes, placements, stays] = await Promise.all([
    (calls ?? callFigures(db, scope)).then((c) => c.byNight),
    sql<{ b: string; n: number }>`select ${bucket('i.created_at')} as b, count(*)::int as n from intakes i
      where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
        and ${inRegion('i.region_code', intakeRegion)} group by 1`.execute(db),
    sql<{ b: string; n: number }>`select ${bucket('h.placed_at')} as b, count(*)::int as n from holds h
      ${nis === null && !intakeRegion ? sql`` : sql`left join intakes i on i.hold_id = h.id`}
      where h.status in ('placed', 'ended') and h.placed_at is not null and ${inPeriod('h.placed_at', period)}
        and ${inScope('i.competent_nis', nis)} and ${placedIn(intakeRegion)} group by 1`.execute(db),
    sql<{ first: string; nights: number; n: number }>`select g.first_night as first, g.nights, count(*)::int as n
      from guarantees g ${nis === null && !intakeRegion ? sql`` : sql`join intakes i on i.id = g.intake_id`}
      where ${guaranteeOverlaps(period)} and ${inScope('i.competent_nis', nis)}
        and ${inRegion('i.region_code', intakeRegion)} group by 1, 2`.execute(db),
  ]);
  const c = new Map<string, number>();
  for (const [night, n] of callNights) c.set(keyOf(night), (c.get(keyOf(night)) ?? 0) + n);
  const [i, p] = [intakes, placements].map((r) => new Map(r.rows.map((row) => [row.b, row.n])));
  // Each guarantee night on its own date, kept when it lies in the period.
  const g = new Map<string, number>();
  for (const stay of stays.rows) {
    for (let k = 0; k < stay.nights; k++) {
      const night = addDays(stay.first, k);
      if (night >= period.from && night <= period.to) g.set(keyOf(night), (g.get(keyOf(night)) ?? 0) + stay.n);
    }
  }
  return {
    bucket: monthly ? ('month' as const) : ('night' as const),
    rows: bucketKeys(period.from, period.to, monthly).map((key) => ({
      key,
      calls: c.get(key) ?? 0,
      intakes: i!.get(key) ?? 0,
      placements: p!.get(key) ?? 0,
      nights: g.get(key) ?? 0,
    })),
  };
}

function bucketKeys(from: string, to: string, monthly: boolean): string[] {
  const keys: string[] = [];
  if (!monthly) for (let d = from; d <= to; d = addDays(d, 1)) keys.push(d);
  else for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-01`, 31).slice(0, 7)) keys.push(m);
  return keys;
}

/**
 * Per competent municipality: intakes, children, placements, nights and their cost, handoffs on time
 * (read once for the dashboard's summary and this table when the dashboard passes them).
 * @public
 */
export async function byMunicipality(db: Db, scope: FigureScope, handoffs?: Promise<HandoffRow[]>) {
  const { period, nis, intakeRegion } = scope;
  const [names, intakes, placements, nights, handoffRows] = await Promise.all([
    db.selectFrom('municipalities').select(['nis', 'name', 'region_code']).orderBy('name').execute(),
    sql<{
      nis: string;
      n: number;
      children: number;
    }>`select i.competent_nis as nis, count(*)::int as n, coalesce(sum(i.children), 0)::int as children
      from intakes i where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
        and ${inRegion('i.region_code', intakeRegion)} group by 1`.execute(db),
    sql<{
      nis: string;
      n: number;
    }>`select i.competent_nis as nis, count(*)::int as n from holds h join intakes i on i.hold_id = h.id
      where h.status in ('placed', 'ended') and h.placed_at is not null and ${inPeriod('h.placed_at', period)}
        and ${inScope('i.competent_nis', nis)} and ${inRegion('i.region_code', intakeRegion)} group by 1`.execute(db),
    sql<{
      nis: string;
      nights: number;
      cents: number;
    }>`select i.competent_nis as nis, coalesce(sum(${nightsInPeriod(period)}), 0)::int as nights,
        coalesce(sum(${nightsInPeriod(period)} * g.cost_per_night_cents), 0)::float8 as cents
      from guarantees g join intakes i on i.id = g.intake_id
      where ${guaranteeOverlaps(period)} and ${inScope('i.competent_nis', nis)}
        and ${inRegion('i.region_code', intakeRegion)} group by 1`.execute(db),
    handoffs ?? handoffsOnTime(db, scope),
  ]);
  const by = <T extends { nis: string }>(rows: T[]) => new Map(rows.map((r) => [r.nis, r]));
  const [iM, pM, nM, hM] = [by(intakes.rows), by(placements.rows), by(nights.rows), by(handoffRows)];
  // The region's municipalities always; any other only when one of the region's intakes made it competent.
  const active = (n: string) => iM.has(n) || pM.has(n) || nM.has(n) || hM.has(n);
  const own = (r: string | null) => r !== null && (!intakeRegion || r === intakeRegion);
  return names
    .filter((m) => (nis === null || nis.includes(m.nis)) && (own(m.region_code) || active(m.nis)))
    .map((m) => ({
      nis: m.nis,
      name: m.name,
      intakes: iM.get(m.nis)?.n ?? 0,
      children: iM.get(m.nis)?.children ?? 0,
      placements: pM.get(m.nis)?.n ?? 0,
      nights: nM.get(m.nis)?.nights ?? 0,
      costCents: nM.get(m.nis)?.cents ?? 0,
      handoffs: hM.get(m.nis)?.total ?? 0,
      handoffsOnTime: hM.get(m.nis)?.on_time ?? 0,
      handoffsLate: hM.get(m.nis)?.late ?? 0,
    }));
}
