// The referrer kept in the loop (issue 20): how many referrers got a text confirming the place, how
// long after the start of their call, and how often they called back about a case. Counted over the
// intakes created in the period (in scope of the municipality filter), like the other intake figures.
import { sql } from 'kysely';
import { inPeriod, inRegion, inScope, round, share, type Db, type FigureScope } from '../scope';

/** @public */
export async function referrerLoop(db: Db, { period, nis, intakeRegion }: FigureScope) {
  const [counts, timing] = await Promise.all([
    sql<{ intakes: number; held: number; confirmed: number; callbacks: number; called_back: number }>`
      select count(*)::int as intakes,
             count(*) filter (where x.ever_held)::int as held,
             count(x.confirmed_at)::int as confirmed,
             coalesce(sum(x.callbacks), 0)::int as callbacks,
             count(*) filter (where x.callbacks > 0)::int as called_back
      from (select i.hold_id is not null or i.status in ('placed', 'closed') as ever_held,
                   (select min(o.sent_at) from outbox o where o.intake_id = i.id and o.kind = 'referrer' and o.status in ('sent', 'delivered')) as confirmed_at,
                   (select count(*) from calls cb where cb.callback_intake_id = i.id) as callbacks
            from intakes i where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
              and ${inRegion('i.region_code', intakeRegion)}) x`.execute(db),
    sql<{ n: number; mean: number | null; median: number | null; p90: number | null }>`
      select count(*)::int as n, avg(m)::float8 as mean,
             percentile_cont(0.5) within group (order by m)::float8 as median,
             percentile_cont(0.9) within group (order by m)::float8 as p90
      from (select extract(epoch from min(o.sent_at) - min(c.started_at))::float8 / 60 as m
            from intakes i join calls c on c.id = i.call_id
            join outbox o on o.intake_id = i.id and o.kind = 'referrer' and o.status in ('sent', 'delivered')
            where ${inPeriod('i.created_at', period)} and ${inScope('i.competent_nis', nis)}
              and ${inRegion('i.region_code', intakeRegion)}
            group by i.id) x`.execute(db),
  ]);
  const c = counts.rows[0]!;
  const t = timing.rows[0]!;
  const m = (v: number | null) => (v === null ? null : round(v));
  return {
    intakes: c.intakes,
    /** Intakes for which a place was held at some point. */
    held: c.held,
    /** Intakes whose referrer got at least one text that left (sent or delivered). */
    confirmed: c.confirmed,
    confirmedShare: share(c.confirmed, c.held),
    callToConfirmation: { count: t.n, meanMin: m(t.mean), medianMin: m(t.median), p90Min: m(t.p90) },
    callBacks: c.callbacks,
    casesCalledBack: c.called_back,
    callBacksPerCase: c.intakes > 0 ? round(c.callbacks / c.intakes, 2) : null,
  };
}
