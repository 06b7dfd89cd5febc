// Putting an SMS in the outbox. Call it inside the transaction of whatever caused the message, so
// the message exists exactly when the cause does; the worker (outbox worker) sends it.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Services } from '../../services';
import { rolesWith } from '../../policies';

export interface SmsToSend {
  to: string;
  body: string;
  /** What it is for, shown in the console: 'alarm', 'forward', 'reply', 'gap', 'reminder', ... */
  kind: string;
  /** Same key twice: the second is ignored (e.g. `alarm:<callId>:<userId>`). */
  dedupeKey?: string;
  /** Not sent before this instant (the referrer's texts wait 30 s so the worker can stop them). */
  notBefore?: Date;
  /** The case a referrer's text is about. */
  intakeId?: string;
  /**
   * The region whose desk the text belongs to (its outbox list and its consoles' `outbox:changed`); absent or
   * null: a deployment-wide text, listed in every region.
   */
  region?: string | null;
}

/** @public */
export async function enqueueSms(
  db: Kysely<Database> | Transaction<Database>,
  now: Date,
  sms: SmsToSend,
): Promise<{ id: string } | null> {
  const row = await db
    .insertInto('outbox')
    .values({
      to_number: sms.to,
      body: sms.body.slice(0, 1600),
      kind: sms.kind,
      dedupe_key: sms.dedupeKey ?? null,
      status: 'queued',
      next_attempt_at: sms.notBefore ?? now,
      created_at: now,
      updated_at: now,
      ...(sms.intakeId ? { intake_id: sms.intakeId } : {}),
      region_code: sms.region ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Stops texts of one kind that have not been tried yet (the referrer's 30 seconds, or a newer text for the
 * same case), by id or by case; returns the ones stopped. A text already tried is left to the worker.
 * @public
 */
export async function cancelWaitingSms(
  db: Kysely<Database> | Transaction<Database>,
  which: { kind: string; id?: string; intakeId?: string; region?: string },
  reason: string,
  now: Date,
): Promise<{ id: string; intake_id: string | null; region_code: string | null }[]> {
  let q = db
    .updateTable('outbox')
    .set({ status: 'cancelled', last_error: reason, updated_at: now })
    .where('kind', '=', which.kind)
    .where('status', '=', 'queued')
    .where('attempts', '=', 0);
  if (which.id !== undefined) q = q.where('id', '=', which.id);
  if (which.intakeId !== undefined) q = q.where('intake_id', '=', which.intakeId);
  // A user stops only texts their region's outbox lists: the region's own and those of no region.
  if (which.region !== undefined)
    q = q.where((eb) => eb.or([eb('region_code', '=', which.region!), eb('region_code', 'is', null)]));
  return q.returning(['id', 'intake_id', 'region_code']).execute();
}

/**
 * The outbox's one realtime event: a text's status changed (sent, failed, cancelled, ...). To its region's
 * consoles, as `GET /api/outbox` lists it only there; a text of no region (deployment-wide) is in every
 * region's list, so its event goes to every console.
 * @public
 */
export function announceOutbox(services: Services, id: string, status: string | undefined, region: string | null) {
  const payload = status === undefined ? { id } : { id, status };
  if (region) services.realtime.publishToRegion(region, 'outbox:changed', payload, rolesWith('sms.read'));
  else services.realtime.publish('outbox:changed', payload, rolesWith('sms.read'));
}
