// Handoffs to the competent OCMW: acknowledged on time or not.
import { sql } from 'kysely';
import { inPeriod, inRegion, inScope, intakeOf, share, type Db, type FigureScope } from '../scope';

/**
 * Grace after due_at within which an acknowledgement still counts as on time. The handoff falls due
 * at the OCMW's next opening; an OCMW that picks it up during that first working day (its office
 * hours are short, often a morning) is on time, hence a whole day rather than minutes.
 */
export const ON_TIME_GRACE_HOURS = 24;

/** Handoffs of one competent municipality. @public */
export interface HandoffRow {
  nis: string;
  total: number;
  on_time: number;
  late: number;
  pending: number;
}

/**
 * Handoffs created in the period (by intakes.competent_nis). The moment of response is the
 * acknowledgement or, for one closed without it, the closing. Without a response yet: late once the
 * grace has passed, pending before. Grouped by municipality; the dashboard sums them. Each handoff's intake is
 * looked up by its key: a join read every intake of every year.
 * @public
 */
export async function handoffsOnTime(db: Db, { period, nis, now, intakeRegion }: FigureScope): Promise<HandoffRow[]> {
  const grace = sql.raw(`interval '${ON_TIME_GRACE_HOURS} hours'`);
  const rows = await sql<HandoffRow>`
    select i.competent_nis as nis, count(*)::int as total,
      count(*) filter (where coalesce(h.acknowledged_at, h.closed_at) <= h.due_at + ${grace})::int as on_time,
      count(*) filter (where coalesce(h.acknowledged_at, h.closed_at) > h.due_at + ${grace}
                          or (coalesce(h.acknowledged_at, h.closed_at) is null and h.due_at + ${grace} < ${now}))::int as late,
      count(*) filter (where coalesce(h.acknowledged_at, h.closed_at) is null and h.due_at + ${grace} >= ${now})::int as pending
    from handoffs h join lateral (${intakeOf(sql`x.id = h.intake_id`)}) i on true
    where ${inPeriod('h.created_at', period)} and ${inScope('i.competent_nis', nis)}
      and ${inRegion('i.region_code', intakeRegion)}
    group by 1`.execute(db);
  return rows.rows;
}

/** @public */
export function handoffSummary(rows: { total: number; on_time: number; late: number; pending: number }[]) {
  const sum = (k: 'total' | 'on_time' | 'late' | 'pending') => rows.reduce((a, r) => a + r[k], 0);
  const onTime = sum('on_time');
  const late = sum('late');
  return {
    total: sum('total'),
    onTime,
    late,
    pending: sum('pending'),
    onTimeShare: share(onTime, onTime + late),
    graceHours: ON_TIME_GRACE_HOURS,
  };
}
