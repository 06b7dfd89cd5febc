// A call nobody took is an alarm until someone records that they rang the caller back: an SMS to
// everyone in the chain (and the coordinator on call) with the caller's number, and a red banner in
// every console. One alarm per call, however often Twilio repeats itself.
import type { Services } from '../../services';
import { enqueueSms } from '../outbox/enqueue';
import type { CallRow } from './calls.store';
import { rolesWith } from '../../policies';

// Every console that shows calls shows the alarm banner: of its own region's calls only (issue 15), so a missed
// call in one region does not wake (or sound) another region's consoles.
const EVERYONE = rolesWith('calls.read');
const alarmChanged = (services: Services, callId: string, region: string | null) => {
  if (region) services.realtime.publishToRegion(region, 'alarm:changed', { callId }, EVERYONE);
  else services.realtime.publish('alarm:changed', { callId }, EVERYONE); // a call without a region (none since 019)
};

export async function raiseAlarm(services: Services, call: CallRow, reason: 'voicemail' | 'missed'): Promise<void> {
  const { db, clock } = services;
  const now = clock.now();
  const raised = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('alarms')
      .values({ call_id: call.id, raised_at: now })
      .onConflict((oc) => oc.column('call_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    const who = call.callerName
      ? `${call.callerName} (${call.fromNumber ?? 'nummer onbekend'})`
      : (call.fromNumber ?? 'een onbekend nummer');
    const what = reason === 'voicemail' ? 'liet een bericht achter' : 'hing op voor iemand kon opnemen';
    const body = `ALARM permanentie: oproep van ${who} niet aangenomen; beller ${what}. Bel terug: ${call.fromNumber ?? '-'}. Antwoord OK als je het opneemt.`;
    const numbers = new Set(call.chain.filter((s) => s.userId).map((s) => s.number));
    if (numbers.size === 0) {
      // Nobody was on the rota (or office hours): every coordinator of the called region hears of it, not
      // another region's, who could do nothing for a caller in a region they do not serve.
      const leads = await trx
        .selectFrom('users')
        .select('phone')
        .where('role', '=', 'coordinator')
        .where('active', '=', true)
        .$if(call.region !== null, (q) =>
          q.where('id', 'in', trx.selectFrom('user_regions').select('user_id').where('region_code', '=', call.region!)),
        )
        .execute();
      for (const l of leads) if (l.phone) numbers.add(l.phone);
    }
    for (const to of numbers)
      await enqueueSms(trx, now, { to, body, kind: 'alarm', dedupeKey: `alarm:${call.id}:${to}`, region: call.region });
    return true;
  });
  if (raised) alarmChanged(services, call.id, call.region);
}

/**
 * SMS "OK" from a worker: they take the latest open alarm of the regions they work for (another region's
 * alarm is not theirs to take: its own desk would think someone rang back).
 * @public
 */
export async function acknowledgeLatestAlarm(
  services: Services,
  userId: string,
): Promise<{ callId: string; from: string | null } | null> {
  const { db, clock } = services;
  const open = await db
    .selectFrom('alarms')
    .innerJoin('calls', 'calls.id', 'alarms.call_id')
    .select(['alarms.id', 'alarms.call_id', 'calls.from_number', 'calls.region_code'])
    .where('alarms.acknowledged_at', 'is', null)
    .where('alarms.called_back_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('calls.region_code', 'is', null),
        eb(
          'calls.region_code',
          'in',
          eb.selectFrom('user_regions').select('region_code').where('user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('alarms.raised_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!open) return null;
  await db
    .updateTable('alarms')
    .set({ acknowledged_at: clock.now(), acknowledged_by: userId })
    .where('id', '=', open.id)
    .execute();
  alarmChanged(services, open.call_id, open.region_code);
  return { callId: open.call_id, from: open.from_number };
}

/**
 * The banner goes away only when someone records that the caller was rung back.
 * @public
 */
export async function recordCallBack(
  services: Services,
  callId: string,
  userId: string,
  note: string | null,
  region?: string,
): Promise<boolean> {
  const { db, clock } = services;
  let update = db
    .updateTable('alarms')
    .set({ called_back_at: clock.now(), called_back_by: userId, callback_note: note })
    .where('call_id', '=', callId);
  // Another region's alarm is not this worker's to end.
  if (region)
    update = update.where('call_id', 'in', db.selectFrom('calls').select('id').where('region_code', '=', region));
  const done = await update.where('called_back_at', 'is', null).returning('id').executeTakeFirst();
  if (!done) return false;
  const call = region
    ? { region_code: region }
    : await db.selectFrom('calls').select('region_code').where('id', '=', callId).executeTakeFirst();
  alarmChanged(services, callId, call?.region_code ?? null);
  return true;
}
