// Calls on the permanence line. Calls have no municipality (the line serves the whole region), so
// these figures are region-wide whatever the municipality filter says; the response says so.
import { sql } from 'kysely';
import { inPeriod, inRegion, round, type Db, type FigureScope } from '../scope';

export const OUTCOMES = ['answered', 'missed', 'voicemail', 'ringing'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number> & { total: number };

const empty = (): OutcomeCounts => ({ answered: 0, missed: 0, voicemail: 0, ringing: 0, total: 0 });
function add(into: OutcomeCounts, outcome: string, n: number) {
  if ((OUTCOMES as readonly string[]).includes(outcome)) into[outcome as Outcome] += n;
  into.total += n;
}

/** Hours in the order of the desk's night: 12:00 ... 23:00, 00:00 ... 11:00 (Brussels wall clock). */
export const NIGHT_HOURS = [
  ...Array.from({ length: 12 }, (_, i) => i + 12),
  ...Array.from({ length: 12 }, (_, i) => i),
];

/**
 * Outcomes, by local hour (Brussels wall clock, so across a clock change 02:30 CEST and 02:30 CET
 * are both hour 2) and by weekday of the desk's night (1 = Monday: a call at 01:30 on Saturday is
 * Friday's night). Both are kept on the call (migration 021), read from the index.
 * @public
 */
export async function callsByTime(db: Db, { period, region }: FigureScope) {
  const rows = await sql<{ hour: number; weekday: number; outcome: string; n: number }>`
    select c.local_hour::int as hour, extract(isodow from c.night)::int as weekday, c.outcome, count(*)::int as n
    from calls c where ${inPeriod('c.started_at', period)} and ${inRegion('c.region_code', region)}
    group by 1, 2, 3`.execute(db);
  const outcomes = empty();
  const byHour = new Map(NIGHT_HOURS.map((h) => [h, empty()]));
  const byWeekday = new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, empty()]));
  for (const r of rows.rows) {
    add(outcomes, r.outcome, r.n);
    add(byHour.get(r.hour)!, r.outcome, r.n);
    add(byWeekday.get(r.weekday)!, r.outcome, r.n);
  }
  return {
    outcomes,
    byHour: [...byHour].map(([hour, c]) => ({ hour, ...c })),
    byWeekday: [...byWeekday].map(([weekday, c]) => ({ weekday, ...c })),
  };
}

export const REFERRER_KINDS = ['police', 'hospital', 'service', 'other', 'unknown'] as const;

/**
 * By kind of caller, from the directory of known numbers; a number not in it is "unknown".
 * @public
 */
export async function callsByReferrer(db: Db, { period, region }: FigureScope) {
  const rows = await sql<{ kind: string; outcome: string; n: number }>`
    select coalesce(d.kind, 'unknown') as kind, c.outcome, count(*)::int as n
    from calls c left join directory d on d.number = c.from_number
    where ${inPeriod('c.started_at', period)} and ${inRegion('c.region_code', region)}
    group by 1, 2`.execute(db);
  const byKind = new Map<string, OutcomeCounts>(REFERRER_KINDS.map((k) => [k, empty()]));
  for (const r of rows.rows) add(byKind.get(r.kind) ?? byKind.get('unknown')!, r.outcome, r.n);
  return [...byKind].map(([kind, c]) => ({ kind, ...c }));
}

/**
 * Seconds from the start of a call to the moment someone accepted it (answered calls).
 * @public
 */
export async function timeToAnswer(db: Db, { period, region }: FigureScope) {
  const r = await sql<{ n: number; mean: number | null; median: number | null; p90: number | null }>`
    select count(*)::int as n, avg(s)::float8 as mean,
           percentile_cont(0.5) within group (order by s)::float8 as median,
           percentile_cont(0.9) within group (order by s)::float8 as p90
    from (select extract(epoch from c.answered_at - c.started_at)::float8 as s
          from calls c where ${inPeriod('c.started_at', period)} and ${inRegion('c.region_code', region)} and c.outcome = 'answered' and c.answered_at is not null) x`.execute(
    db,
  );
  const row = r.rows[0]!;
  const s = (v: number | null) => (v === null ? null : round(v));
  return { count: row.n, meanSec: s(row.mean), medianSec: s(row.median), p90Sec: s(row.p90) };
}
