// The call log: every call and every leg, idempotent on CallSid, so Twilio's retries and replays
// change nothing. Each change announces the call's id to the consoles, which refetch it.
import type { Kysely } from 'kysely';
import type { ChainStep, Database, LegStatus } from '../../db/schema';
import type { Services } from '../../services';
import type { CallPlan } from './last-known-rota';
import { openCaseOf } from '../../referrer/callback';
import { rolesWith } from '../../policies';

export const announce = (services: Services, id: string) =>
  services.realtime.publish('call:updated', { id }, rolesWith('calls.read'));

export interface CallRow {
  id: string;
  chain: ChainStep[];
  callerName: string | null;
  outcome: string;
  fromNumber: string | null;
  callbackIntakeId: string | null;
}

export async function startCall(
  services: Services,
  sid: string,
  from: string | null,
  to: string | null,
  plan: CallPlan,
): Promise<CallRow> {
  const { db, clock } = services;
  const now = clock.now();
  const previous = from
    ? await db
        .selectFrom('calls')
        .select('id')
        .where('from_number', '=', from)
        .where('call_sid', '!=', sid)
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  // A call from a number with an open case of the last 12 hours is that case's call-back (referrer/).
  const callbackIntakeId = from ? await openCaseOf(db, from, now) : null;
  const inserted = await db
    .insertInto('calls')
    .values({
      call_sid: sid,
      from_number: from,
      to_number: to,
      caller_name: plan.callerName,
      out_of_hours: plan.outOfHours,
      chain: JSON.stringify(plan.chain),
      outcome: 'ringing',
      status: 'ringing',
      started_at: now,
      previous_call_id: previous?.id ?? null,
      callback_intake_id: callbackIntakeId,
    })
    .onConflict((oc) => oc.column('call_sid').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted && plan.chain[0]) await startLeg(db, inserted.id, 0, plan.chain[0], now);
  const call = (await findCall(db, sid))!;
  if (inserted) announce(services, call.id);
  return call;
}

export async function findCall(db: Kysely<Database>, sid: string): Promise<CallRow | null> {
  const row = await db
    .selectFrom('calls')
    .select(['id', 'chain', 'caller_name', 'outcome', 'from_number', 'callback_intake_id'])
    .where('call_sid', '=', sid)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        chain: row.chain,
        callerName: row.caller_name,
        outcome: row.outcome,
        fromNumber: row.from_number,
        callbackIntakeId: row.callback_intake_id,
      }
    : null;
}

async function startLeg(
  db: Kysely<Database>,
  callId: string,
  step: number,
  target: ChainStep,
  now: Date,
): Promise<void> {
  await db
    .insertInto('call_legs')
    .values({
      call_id: callId,
      step,
      role: target.role,
      user_id: target.userId,
      number: target.number,
      status: 'ringing',
      started_at: now,
    })
    .onConflict((oc) => oc.columns(['call_id', 'step']).doNothing())
    .execute();
  await db.updateTable('calls').set({ step }).where('id', '=', callId).execute();
}

export async function legPickedUp(
  services: Services,
  call: CallRow,
  step: number,
  dialSid: string | null,
): Promise<void> {
  await services.db
    .updateTable('call_legs')
    .set({ status: 'screening', picked_up_at: services.clock.now(), dial_call_sid: dialSid })
    .where('call_id', '=', call.id)
    .where('step', '=', step)
    .where('status', '=', 'ringing')
    .execute();
  announce(services, call.id);
}

export async function legAccepted(services: Services, call: CallRow, step: number): Promise<void> {
  const now = services.clock.now();
  const leg = await services.db
    .updateTable('call_legs')
    .set({ status: 'accepted' })
    .where('call_id', '=', call.id)
    .where('step', '=', step)
    .returning(['user_id', 'number'])
    .executeTakeFirst();
  await services.db
    .updateTable('calls')
    .set({
      outcome: 'answered',
      answered_at: now,
      answered_by: leg?.user_id ?? null,
      answered_number: leg?.number ?? null,
    })
    .where('id', '=', call.id)
    .where('outcome', 'in', ['ringing', 'missed'])
    .execute();
  announce(services, call.id);
}

/** Twilio's DialCallStatus for a step that did not end in an accepted call. */
export function legOutcome(dialStatus: string | undefined): LegStatus {
  switch (dialStatus) {
    case 'busy':
      return 'busy';
    case 'failed':
      return 'failed';
    case 'canceled':
      return 'canceled';
    case 'completed':
    case 'answered':
      return 'no-key'; // picked up (perhaps a voicemail) but no 1 pressed
    default:
      return 'no-answer';
  }
}

/** Closes a step; true when the worker had accepted it. Opens the next leg when there is one. */
export async function stepEnded(
  services: Services,
  call: CallRow,
  step: number,
  dialStatus: string | undefined,
): Promise<boolean> {
  const { db, clock } = services;
  const now = clock.now();
  const leg = await db
    .selectFrom('call_legs')
    .select('status')
    .where('call_id', '=', call.id)
    .where('step', '=', step)
    .executeTakeFirst();
  if (leg?.status === 'accepted') {
    await db
      .updateTable('call_legs')
      .set({ ended_at: now })
      .where('call_id', '=', call.id)
      .where('step', '=', step)
      .execute();
    return true;
  }
  await db
    .updateTable('call_legs')
    .set({ status: legOutcome(dialStatus), ended_at: now })
    .where('call_id', '=', call.id)
    .where('step', '=', step)
    .where('status', 'in', ['ringing', 'screening'])
    .execute();
  const next = call.chain[step + 1];
  if (next) await startLeg(db, call.id, step + 1, next, now);
  announce(services, call.id);
  return false;
}

export async function recordingReceived(
  services: Services,
  call: CallRow,
  url: string,
  seconds: number | null,
): Promise<void> {
  await services.db
    .updateTable('calls')
    .set({ recording_url: url, recording_sec: seconds, outcome: 'voicemail' })
    .where('id', '=', call.id)
    .execute();
  announce(services, call.id);
}
