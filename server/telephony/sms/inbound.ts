// An SMS to the permanence number. From staff: BEDDEN/BEDS answers with tonight's free places, OK
// takes the latest alarm, anything else is kept for the console. From anyone else: kept, forwarded to
// the duty worker on the line now (primary, else backup, else coordinator) and shown in every console.
import twilio from 'twilio';
import { hotelReply } from '../../capacity/hotel-sms';
import { bedsSummary } from '../../capacity/summary';
import { onCallNow } from '../../roster/oncall';
import type { Services } from '../../services';
import { enqueueSms } from '../outbox/enqueue';
import { acknowledgeLatestAlarm } from '../voice/alarms';

const reply = (text: string | null) => {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
};

export async function handleInboundSms(services: Services, sid: string, from: string, body: string): Promise<string> {
  const { db, clock, realtime } = services;
  const now = clock.now();
  const staff = await db.selectFrom('users').select(['id', 'display_name']).where('phone', '=', from)
    .where('active', '=', true).where('role', '!=', 'ocmw_staff').executeTakeFirst();
  const command = body.trim().toUpperCase();
  const kind = !staff ? 'forwarded' : command === 'BEDDEN' || command === 'BEDS' ? 'beds' : command === 'OK' ? 'ack' : 'staff';
  const stored = await db.insertInto('sms_inbound').values({
    message_sid: sid, from_number: from, body: body.slice(0, 1600), from_user_id: staff?.id ?? null, handled_as: kind, received_at: now,
  }).onConflict((oc) => oc.column('message_sid').doNothing()).returning('id').executeTakeFirst();
  if (!stored) return reply(null); // Twilio repeated itself: handled already
  realtime.publish('sms:received', { id: stored.id }, ['duty_worker', 'coordinator', 'admin']);
  if (kind === 'beds') return reply(await bedsSummary(db, now));
  if (kind === 'ack') {
    const alarm = await acknowledgeLatestAlarm(services, staff!.id);
    return reply(alarm ? `Alarm bevestigd. Bel terug: ${alarm.from ?? 'nummer onbekend'}` : 'Geen open alarm.');
  }
  if (kind === 'staff') return reply('Ontvangen.');
  if (await hotelReply(services, db, from, body)) return reply('Bedankt, genoteerd.');
  const duty = await onCallNow(services, now);
  const to = [duty.primary, duty.backup, duty.coordinator].find((p) => p?.phone)?.phone;
  if (to) await enqueueSms(db, now, { to, body: `Sms van ${from}: ${body}`.slice(0, 1600), kind: 'forward', dedupeKey: `forward:${sid}` });
  return reply(null); // no automatic answer to unknown numbers
}
