// Twilio's delivery reports for our SMS. Statuses only move forward (a late "sent" never undoes
// "delivered"); undelivered or failed with a temporary error code (30001 queue overflow, 30008
// unknown error) is sent again with backoff.
import type { Services } from '../../services';
import { backoffMs, MAX_ATTEMPTS } from '../outbox/worker';
import { announceOutbox } from '../outbox/enqueue';

const RANK: Record<string, number> = {
  queued: 0,
  accepted: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 3,
  undelivered: 4,
  failed: 4,
};
const TEMPORARY = new Set(['30001', '30008']);

export async function applySmsStatus(
  services: Services,
  outboxId: string | null,
  sid: string,
  status: string,
  errorCode: string | null,
) {
  const { db, clock } = services;
  const row = await db
    .selectFrom('outbox')
    .select(['id', 'status', 'attempts', 'region_code'])
    .where((eb) =>
      outboxId ? eb.or([eb('id', '=', outboxId), eb('message_sid', '=', sid)]) : eb('message_sid', '=', sid),
    )
    .executeTakeFirst();
  if (!row) return;
  const now = clock.now();
  if (
    (status === 'undelivered' || status === 'failed') &&
    errorCode &&
    TEMPORARY.has(errorCode) &&
    row.attempts < MAX_ATTEMPTS &&
    row.status !== 'delivered'
  ) {
    await db
      .updateTable('outbox')
      .set({
        status: 'queued',
        message_sid: null,
        last_error: `Twilio ${status} (${errorCode}): retrying`,
        next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts)),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
  } else {
    const next = status === 'read' ? 'delivered' : status;
    if (!(next in RANK) || (RANK[next] ?? 0) <= (RANK[row.status] ?? 0) || next === 'accepted' || next === 'queued') {
      // Not forward: still record the sid (a crashed sender learns here that Twilio took the message).
      await db
        .updateTable('outbox')
        .set({ message_sid: sid })
        .where('id', '=', row.id)
        .where('message_sid', 'is', null)
        .execute();
      return;
    }
    await db
      .updateTable('outbox')
      .set({
        status: next as 'sent' | 'delivered' | 'undelivered' | 'failed',
        message_sid: sid,
        updated_at: now,
        last_error: errorCode ? `Twilio error ${errorCode}` : null,
      })
      .where('id', '=', row.id)
      .execute();
  }
  // To the text's region's consoles, or every console for a text of no region (see announceOutbox).
  announceOutbox(services, row.id, undefined, row.region_code);
}
