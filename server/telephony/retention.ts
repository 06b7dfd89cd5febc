// The line's part of retention: private callers' numbers (not in the directory of organisations), recordings,
// SMS texts in and out. Every update is conditional, so instances may run this side by side.
import type { Executor } from '../db/schema';

/** @public */
export async function pseudonymiseLine(db: Executor, before: Date): Promise<{ calls: number; sms: number }> {
  const calls = await db
    .updateTable('calls')
    .set({ from_number: null, caller_name: null, recording_url: null })
    .where('started_at', '<', before)
    .where('from_number', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('directory').select('id').whereRef('directory.number', '=', 'calls.from_number'))),
    )
    .returning('id')
    .execute();
  await db
    .updateTable('calls')
    .set({ recording_url: null })
    .where('started_at', '<', before)
    .where('recording_url', 'is not', null)
    .execute();
  const sms = await db
    .updateTable('sms_inbound')
    .set({ body: '', from_number: '—' })
    .where('received_at', '<', before)
    .where('from_number', '!=', '—')
    .returning('id')
    .execute();
  await db
    .updateTable('outbox')
    .set({ body: '', to_number: '—' })
    .where('created_at', '<', before)
    .where('to_number', '!=', '—')
    .execute();
  return { calls: calls.length, sms: sms.length };
}
