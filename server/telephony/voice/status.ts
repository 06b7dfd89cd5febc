// Twilio's call status callbacks can arrive out of order: only a higher SequenceNumber moves a call
// on. A call that ends while still ringing through the chain is a missed call: an alarm.
import type { Services } from '../../services';
import { raiseAlarm } from './alarms';
import { announce, findCall } from './calls.store';
import { safely } from './incoming';

const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export async function applyCallStatus(
  services: Services,
  sid: string,
  status: string,
  sequence: number | null,
  durationSec: number | null,
): Promise<void> {
  await safely(services, async () => {
    const { db, clock } = services;
    const final = FINAL.has(status);
    let q = db
      .updateTable('calls')
      .set({
        status,
        last_sequence: sequence ?? 0,
        ...(final ? { ended_at: clock.now(), duration_sec: durationSec } : {}),
      })
      .where('call_sid', '=', sid);
    // Without a SequenceNumber only a final status is trusted; with one, only a newer one.
    q = sequence === null ? q.where('ended_at', 'is', null) : q.where('last_sequence', '<', sequence);
    const updated = await q.returning(['id', 'outcome', 'region_code']).executeTakeFirst();
    if (!updated) return;
    if (final && updated.outcome === 'ringing') {
      await db.updateTable('calls').set({ outcome: 'missed' }).where('id', '=', updated.id).execute();
      const call = await findCall(db, sid);
      if (call) await raiseAlarm(services, call, 'missed');
    }
    announce(services, updated.id, updated.region_code);
  });
}
