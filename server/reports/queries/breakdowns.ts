// What happened per night (or per month, for periods longer than two months) and per municipality.
import { addDays } from '../../../shared/rules/wall-clock';
import type { Db, FigureScope } from '../scope';
import { callFigures, type CallFigures } from './calls';
import { handoffsOnTime, type HandoffRow } from './handoffs';
import { periodRows, sumBy, type PeriodRows, type StayRow } from './period-rows';

/** Up to this many nights the timeline has one bar per night; beyond it one per month. */
export const NIGHTLY_UP_TO = 62;

/**
 * Calls, intakes, placements and guarantee nights per night or month. The calls come from the call
 * figures' one scan when the dashboard passes it; a guarantee's nights are counted per (first night,
 * nights) and spread over their dates here, instead of a row per night in SQL.
 * @public
 */
export async function timeline(
  db: Db,
  scope: FigureScope,
  calls?: Promise<CallFigures>,
  rows: PeriodRows = periodRows(db, scope),
) {
  const { period } = scope;
  const monthly = period.nights > NIGHTLY_UP_TO;
  const keyOf = (night: string) => (monthly ? night.slice(0, 7) : night);
  const [callNights, intakes, placements, stays] = await Promise.all([
    (calls ?? callFigures(db, scope)).then((c) => c.byNight),
    rows.intakes(),
    rows.placed(),
    rows.stays(),
  ]);
  const c = sumBy(
    [...callNights],
    ([night]) => keyOf(night),
    ([, n]) => n,
  );
  const i = sumBy(
    intakes,
    (r) => r.night && keyOf(r.night),
    (r) => r.n,
  );
  const p = sumBy(
    placements,
    (r) => r.night && keyOf(r.night),
    (r) => r.n,
  );
  const g = sumBy(
    runningNights(stays, period.from, period.to),
    ([night]) => keyOf(night),
    ([, n]) => n,
  );
  return {
    bucket: monthly ? ('month' as const) : ('night' as const),
    rows: bucketKeys(period.from, period.to, monthly).map((key) => ({
      key,
      calls: c.get(key) ?? 0,
      intakes: i.get(key) ?? 0,
      placements: p.get(key) ?? 0,
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
export async function byMunicipality(
  db: Db,
  scope: FigureScope,
  handoffs?: Promise<HandoffRow[]>,
  rows: PeriodRows = periodRows(db, scope),
) {
  const { period, nis, intakeRegion } = scope;
  const [names, intakes, placements, stays, handoffRows] = await Promise.all([
    db.selectFrom('municipalities').select(['nis', 'name', 'region_code']).orderBy('name').execute(),
    rows.intakes(),
    rows.placed(),
    rows.stays(),
    handoffs ?? handoffsOnTime(db, scope),
  ]);
  // Placements and stays without an intake have no competent municipality: not in this table.
  const counted = sumBy(
    intakes,
    (r) => r.nis,
    (r) => r.n,
  );
  const children = sumBy(
    intakes,
    (r) => r.nis,
    (r) => r.children,
  );
  const placedBy = sumBy(
    placements,
    (r) => r.nis,
    (r) => r.n,
  );
  const nightsBy = sumBy(
    stays,
    (r) => r.nis,
    (r) => r.nights,
  );
  const centsBy = sumBy(
    stays,
    (r) => r.nis,
    (r) => r.cents,
  );
  const hM = new Map(handoffRows.map((r) => [r.nis, r]));
  // The region's municipalities always; any other only when one of the region's intakes made it competent.
  const active = (n: string) => counted.has(n) || placedBy.has(n) || nightsBy.has(n) || hM.has(n);
  const own = (r: string | null) => r !== null && (!intakeRegion || r === intakeRegion);
  return names
    .filter((m) => (nis === null || nis.includes(m.nis)) && (own(m.region_code) || active(m.nis)))
    .map((m) => ({
      nis: m.nis,
      name: m.name,
      intakes: counted.get(m.nis) ?? 0,
      children: children.get(m.nis) ?? 0,
      placements: placedBy.get(m.nis) ?? 0,
      nights: nightsBy.get(m.nis) ?? 0,
      costCents: centsBy.get(m.nis) ?? 0,
      handoffs: hM.get(m.nis)?.total ?? 0,
      handoffsOnTime: hM.get(m.nis)?.on_time ?? 0,
      handoffsLate: hM.get(m.nis)?.late ?? 0,
    }));
}

/**
 * The guarantees running on each night of [from, to]: those begun on or before it less those ended on or before
 * it (a guarantee runs from its first night up to, not including, its end). Every guarantee given overlaps the
 * period, so those begun before it are running at its start.
 */
function runningNights(stays: StayRow[], from: string, to: string): [string, number][] {
  const begun = sumBy(
    stays,
    (r) => r.first,
    (r) => r.n,
  );
  const ended = sumBy(
    stays,
    (r) => r.end,
    (r) => r.n,
  );
  let running = 0;
  for (const [first, n] of begun) if (first < from) running += n;
  for (const [end, n] of ended) if (end < from) running -= n;
  const out: [string, number][] = [];
  for (let night = from; night <= to; night = addDays(night, 1)) {
    running += (begun.get(night) ?? 0) - (ended.get(night) ?? 0);
    out.push([night, running]);
  }
  return out;
}
