// Calls on the permanence line. Calls have no municipality (the line serves the whole region), so
// these figures are region-wide whatever the municipality filter says; the response says so.
// Every call figure (outcomes by hour and weekday, by kind of caller, time to answer, calls per night)
// comes from ONE scan of the period's calls in the covering index (migration 025), grouped four ways
// with grouping sets: four queries over the same rows cost four scans on every dashboard.
import { sql } from 'kysely';
import { meanOf, percentileCont, type Counted } from '../../../shared/rules/percentile';
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

export const REFERRER_KINDS = ['police', 'hospital', 'service', 'other', 'unknown'] as const;

interface Row {
  outcome: string | null;
  hour: number | null;
  weekday: number | null;
  kind: string | null;
  s: number | null;
  night: string | null;
  n: number;
  /** 0 in the grouping set's own columns: which of the four groupings a row belongs to. */
  by_time: number;
  by_kind: number;
  by_seconds: number;
  by_night: number;
}

/**
 * Outcomes by local hour (Brussels wall clock, so across a clock change 02:30 CEST and 02:30 CET are
 * both hour 2) and by weekday of the desk's night (1 = Monday: a call at 01:30 on Saturday is Friday's
 * night), both kept on the call (migration 021); by kind of caller (the directory of known numbers; a
 * number not in it is "unknown"); seconds from the start of a call to the moment someone accepted it
 * (answered calls: mean, and median and p90 as percentile_cont gives them); calls per night (the timeline).
 * @public
 */
export async function callFigures(db: Db, { period, region }: FigureScope) {
  // The seconds to answer are grouped as whole microseconds (what a timestamp holds, so nothing is
  // rounded) and the grouped columns are kept narrow (the caller's kind is null for an unknown number,
  // told apart from "not grouped by kind" by grouping()): PostgreSQL then hashes all four groupings in
  // one pass; a float or a wider key made it sort the period's calls for one of them. date_part, not extract:
  // extract answers in numeric, whose arithmetic on every call of a year cost a third of the scan; a float8
  // holds any call's seconds to within a nanosecond, so rounding it to microseconds gives the exact value.
  const { rows } = await sql<Row>`
    select outcome, hour, weekday, kind, us::float8 / 1e6 as s, to_char(night, 'YYYY-MM-DD') as night,
      count(*)::int as n, grouping(hour)::int as by_time, grouping(kind)::int as by_kind,
      grouping(us)::int as by_seconds, grouping(night)::int as by_night
    from (select c.outcome, c.local_hour as hour, date_part('isodow', c.night)::int as weekday, d.kind, c.night,
            case when c.outcome = 'answered' and c.answered_at is not null
              then round(date_part('epoch', c.answered_at - c.started_at) * 1000000)::bigint end as us
          from calls c left join directory d on d.number = c.from_number
          where ${inPeriod('c.started_at', period)} and ${inRegion('c.region_code', region)}) x
    group by grouping sets ((outcome, hour, weekday), (outcome, kind), (us), (night))`.execute(db);
  const outcomes = empty();
  const byHour = new Map(NIGHT_HOURS.map((h) => [h, empty()]));
  const byWeekday = new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, empty()]));
  const byKind = new Map<string, OutcomeCounts>(REFERRER_KINDS.map((k) => [k, empty()]));
  const seconds: Counted[] = [];
  const byNight = new Map<string, number>();
  for (const r of rows) {
    if (r.by_time === 0) {
      add(outcomes, r.outcome!, r.n);
      add(byHour.get(r.hour!)!, r.outcome!, r.n);
      add(byWeekday.get(r.weekday!)!, r.outcome!, r.n);
    } else if (r.by_kind === 0) add(byKind.get(r.kind ?? 'unknown') ?? byKind.get('unknown')!, r.outcome!, r.n);
    else if (r.by_seconds === 0) {
      if (r.s !== null) seconds.push([r.s, r.n]);
    } else if (r.by_night === 0) byNight.set(r.night!, r.n);
  }
  const s = (v: number | null) => (v === null ? null : round(v));
  return {
    outcomes,
    byHour: [...byHour].map(([hour, c]) => ({ hour, ...c })),
    byWeekday: [...byWeekday].map(([weekday, c]) => ({ weekday, ...c })),
    byReferrer: [...byKind].map(([kind, c]) => ({ kind, ...c })),
    timeToAnswer: {
      count: seconds.reduce((sum, [, n]) => sum + n, 0),
      meanSec: s(meanOf(seconds)),
      medianSec: s(percentileCont(seconds, 0.5)),
      p90Sec: s(percentileCont(seconds, 0.9)),
    },
    /** Calls per desk night (YYYY-MM-DD), for the timeline. */
    byNight,
  };
}

export type CallFigures = Awaited<ReturnType<typeof callFigures>>;
