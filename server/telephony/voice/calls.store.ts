// The call log: every call and every leg, idempotent on CallSid, so Twilio's retries and replays
// change nothing. Each change announces the call's id to the consoles, which refetch it.
import { randomUUID } from 'node:crypto';
import { firstRegion } from '../../region/scope';
import type { Kysely } from 'kysely';
import type { ChainStep, Database, LegStatus } from '../../db/schema';
import type { Services } from '../../services';
import type { CallPlan } from './last-known-rota';
import { openCasesOf } from '../../referrer/callback';
import { rolesWith } from '../../policies';

/** A call changed: the consoles looking at its region refetch (a call without a region, none since 019: all). */
export const announce = (services: Services, id: string, region: string | null) => {
  if (region) services.realtime.publishToRegion(region, 'call:updated', { id }, rolesWith('calls.read'));
  else services.realtime.publish('call:updated', { id }, rolesWith('calls.read'));
};

export interface CallRow {
  id: string;
  chain: ChainStep[];
  callerName: string | null;
  outcome: string;
  fromNumber: string | null;
  callbackIntakeId: string | null;
  /** The region whose number was called (calls.region_code): its consoles hear of the call and its alarm. */
  region: string | null;
}

/** A call to log: the call, its plan and the instant it arrived. */
export interface CallToLog {
  sid: string;
  from: string | null;
  to: string | null;
  plan: CallPlan;
  at: Date;
}

/**
 * Logs many new calls in one transaction, each with its previous call from the
 * same number, its open case and its first leg, in the order given. A CallSid already logged, or given
 * twice, is logged once. Returns the calls it inserted, in order, with their region.
 */
export async function startCalls(
  db: Kysely<Database>,
  calls: CallToLog[],
): Promise<{ sid: string; id: string; region: string | null }[]> {
  const unique = [...new Map(calls.map((c) => [c.sid, c] as const).reverse()).values()].reverse();
  if (unique.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const logged = await trx
      .selectFrom('calls')
      .select('call_sid')
      .where(
        'call_sid',
        'in',
        unique.map((c) => c.sid),
      )
      .execute();
    const known = new Set(logged.map((r) => r.call_sid));
    const todo = unique.filter((c) => !known.has(c.sid));
    if (todo.length === 0) return [];
    // A copy read from disk before issue 15 names no region (''): the call is the first region's then.
    const fallbackRegion = todo.some((c) => !c.plan.region) ? await firstRegion(trx) : null;
    const froms = [...new Set(todo.flatMap((c) => (c.from ? [c.from] : [])))];
    const latest = new Map<string, string>();
    if (froms.length) {
      const rows = await trx
        .selectFrom('calls')
        .distinctOn('from_number')
        .select(['from_number', 'id'])
        .where('from_number', 'in', froms)
        .orderBy('from_number')
        .orderBy('started_at', 'desc')
        .execute();
      for (const r of rows) latest.set(r.from_number!, r.id);
    }
    const withNumber = todo.filter((c) => c.from);
    const cases = await openCasesOf(
      trx,
      withNumber.map((c) => ({ number: c.from!, now: c.at })),
    );
    const caseOf = new Map(withNumber.map((c, i) => [c.sid, cases[i] ?? null]));
    const rows = todo.map((c) => {
      const id = randomUUID();
      const previous = c.from ? (latest.get(c.from) ?? null) : null;
      if (c.from) latest.set(c.from, id); // a second call from the number in this batch links to the first
      return { call: c, id, previous };
    });
    const inserted = await trx
      .insertInto('calls')
      .values(
        rows.map(({ call: c, id, previous }) => ({
          id,
          call_sid: c.sid,
          region_code: c.plan.region || fallbackRegion,
          from_number: c.from,
          to_number: c.to,
          caller_name: c.plan.callerName,
          out_of_hours: c.plan.outOfHours,
          chain: JSON.stringify(c.plan.chain),
          step: 0,
          outcome: 'ringing' as const,
          status: 'ringing',
          started_at: c.at,
          previous_call_id: previous,
          callback_intake_id: caseOf.get(c.sid) ?? null,
        })),
      )
      .onConflict((oc) => oc.column('call_sid').doNothing())
      .returning(['id', 'region_code'])
      .execute();
    const insertedIds = new Map(inserted.map((r) => [r.id, r.region_code]));
    const legs = rows.flatMap(({ call: c, id }) => {
      const first = c.plan.chain[0];
      if (!first || !insertedIds.has(id)) return [];
      return [
        {
          call_id: id,
          step: 0,
          role: first.role,
          user_id: first.userId,
          number: first.number,
          status: 'ringing' as const,
          started_at: c.at,
        },
      ];
    });
    if (legs.length)
      await trx
        .insertInto('call_legs')
        .values(legs)
        .onConflict((oc) => oc.columns(['call_id', 'step']).doNothing())
        .execute();
    return rows
      .filter((r) => insertedIds.has(r.id))
      .map((r) => ({ sid: r.call.sid, id: r.id, region: insertedIds.get(r.id) ?? null }));
  });
}

export async function findCall(db: Kysely<Database>, sid: string): Promise<CallRow | null> {
  const row = await db
    .selectFrom('calls')
    .select(['id', 'chain', 'caller_name', 'outcome', 'from_number', 'callback_intake_id', 'region_code'])
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
        region: row.region_code,
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
  announce(services, call.id, call.region);
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
  announce(services, call.id, call.region);
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
  announce(services, call.id, call.region);
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
  announce(services, call.id, call.region);
}
