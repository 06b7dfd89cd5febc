// Calls as presented to the console: one query for the calls, one for their legs, joined in memory.
import type { Kysely } from 'kysely';
import type { ChainStep, Database } from '../db/schema';

export interface CallView {
  id: string;
  sid: string;
  from: string | null;
  callerName: string | null;
  outOfHours: boolean;
  outcome: string;
  status: string;
  step: number;
  chain: ChainStep[];
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  answeredBy: { id: string; name: string } | null;
  recordingUrl: string | null;
  previousCallId: string | null;
  /** The open case this call is a call-back about: the console opens it instead of a new intake. */
  aboutCase: { intakeId: string; reference: string | null } | null;
  legs: { step: number; role: string; name: string | null; number: string; status: string; ringSec: number | null }[];
  alarm: { raisedAt: string; acknowledgedAt: string | null; calledBackAt: string | null; note: string | null } | null;
}

interface Filter {
  id?: string;
  from?: string;
  earlierThan?: { id: string; startedAt: string };
  openAlarms?: boolean;
  limit?: number;
  /** Only the calls to this region's number (issue 15: each region sees its own calls and alarms). */
  region?: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function listCalls(db: Kysely<Database>, f: Filter): Promise<CallView[]> {
  let q = db
    .selectFrom('calls')
    .leftJoin('alarms', 'alarms.call_id', 'calls.id')
    .leftJoin('intakes as about', 'about.id', 'calls.callback_intake_id')
    .leftJoin('users', 'users.id', 'calls.answered_by')
    .selectAll('calls')
    .select([
      'alarms.raised_at',
      'alarms.acknowledged_at',
      'alarms.called_back_at',
      'alarms.callback_note',
      'users.display_name as answered_name',
      'about.reference as about_reference',
    ])
    .orderBy('calls.started_at', 'desc')
    .limit(f.limit ?? 50);
  if (f.id) q = q.where('calls.id', '=', f.id);
  if (f.region) q = q.where('calls.region_code', '=', f.region);
  if (f.from) q = q.where('calls.from_number', '=', f.from);
  if (f.earlierThan)
    q = q.where('calls.id', '!=', f.earlierThan.id).where('calls.started_at', '<=', new Date(f.earlierThan.startedAt));
  if (f.openAlarms) q = q.where('alarms.raised_at', 'is not', null).where('alarms.called_back_at', 'is', null);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const legs = await db
    .selectFrom('call_legs')
    .leftJoin('users', 'users.id', 'call_legs.user_id')
    .select([
      'call_legs.call_id',
      'call_legs.step',
      'call_legs.role',
      'call_legs.number',
      'call_legs.status',
      'call_legs.started_at',
      'call_legs.picked_up_at',
      'call_legs.ended_at',
      'users.display_name',
    ])
    .where(
      'call_legs.call_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('call_legs.step')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sid: r.call_sid,
    from: r.from_number,
    callerName: r.caller_name,
    outOfHours: r.out_of_hours,
    outcome: r.outcome,
    status: r.status,
    step: r.step,
    chain: r.chain,
    startedAt: iso(r.started_at)!,
    answeredAt: iso(r.answered_at),
    endedAt: iso(r.ended_at),
    durationSec: r.duration_sec,
    answeredBy: r.answered_by ? { id: r.answered_by, name: r.answered_name ?? '' } : null,
    recordingUrl: r.recording_url,
    previousCallId: r.previous_call_id,
    aboutCase: r.callback_intake_id ? { intakeId: r.callback_intake_id, reference: r.about_reference } : null,
    legs: legs
      .filter((l) => l.call_id === r.id)
      .map((l) => ({
        step: l.step,
        role: l.role,
        name: l.display_name,
        number: l.number,
        status: l.status,
        // How long it rang: until the worker picked up, or until the step ended unanswered.
        ringSec: ringSeconds(l.started_at, l.picked_up_at ?? l.ended_at),
      })),
    alarm: r.raised_at
      ? {
          raisedAt: iso(r.raised_at)!,
          acknowledgedAt: iso(r.acknowledged_at),
          calledBackAt: iso(r.called_back_at),
          note: r.callback_note,
        }
      : null,
  }));
}

function ringSeconds(start: Date, end: Date | null): number | null {
  return end ? Math.round((new Date(end).getTime() - new Date(start).getTime()) / 1000) : null;
}
