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
  which: { kind: string; id?: string; intakeId?: string },
  reason: string,
  now: Date,
): Promise<{ id: string; intake_id: string | null }[]> {
  let q = db
    .updateTable('outbox')
    .set({ status: 'cancelled', last_error: reason, updated_at: now })
    .where('kind', '=', which.kind)
    .where('status', '=', 'queued')
    .where('attempts', '=', 0);
  if (which.id !== undefined) q = q.where('id', '=', which.id);
  if (which.intakeId !== undefined) q = q.where('intake_id', '=', which.intakeId);
  return q.returning(['id', 'intake_id']).execute();
}

/**
 * The outbox's one realtime event: a text's status changed (sent, failed, cancelled, ...). To every region's
 * consoles: a text has no region (the outbox names none, and `GET /api/outbox` lists every region's).
 * @public
 */
export function announceOutbox(services: Services, id: string, status: string) {
  services.realtime.publish('outbox:changed', { id, status }, rolesWith('sms.read'));
}
