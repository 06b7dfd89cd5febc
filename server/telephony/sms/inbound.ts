// An SMS to the permanence number. From staff: BEDDEN/BEDS answers with tonight's free places, OK
// takes the latest alarm, anything else is kept for the console. From anyone else: kept, forwarded to
// the duty worker on the line now (primary, else backup, else coordinator) and shown in every console,
// except a referrer's follow-up: a case's reference from that case's own number is answered with its
// state and not forwarded (server/referrer/follow-up.ts).
// A flood is contained: every text is stored and shown, but the worker's mobile gets at most
// `smsForwards.perSenderPerHour` per sender (then one summary text) and `smsForwards.perHour` in all.
import { sql, type Transaction } from 'kysely';
import twilio from 'twilio';
import { announceBoard } from '../../capacity/expiry';
import { hotelReply } from '../../capacity/hotel-sms';
import { bedsSummary } from '../../capacity/summary';
import type { Database } from '../../db/schema';
import { regionForNumber, regionNumbers } from '../../region/scope';
import { onCallNow } from '../../roster/oncall';
import type { Services } from '../../services';
import { enqueueSms } from '../outbox/enqueue';
import { acknowledgeLatestAlarm } from '../voice/alarms';
import { followUp } from '../../referrer/follow-up';
import { rolesWith } from '../../policies';

const reply = (text: string | null) => {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
};

const HOUR = 3_600_000;

export async function handleInboundSms(
  services: Services,
  sid: string,
  from: string,
  body: string,
  to: string | null = null,
): Promise<string> {
  const { db, clock } = services;
  const now = clock.now();
  // The number texted picks the region, as for a call: the region whose permanence number it is, else the first.
  // The text is that region's (its `GET /api/sms`, its consoles' `sms:received`), and so is its forward; the
  // region's board answers BEDDEN and its rota gets the forward.
  const region = regionForNumber(await regionNumbers(db), to);
  const received = (id: string) => announceInbound(services, id, region);
  const staff = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('phone', '=', from)
    .where('active', '=', true)
    .where('role', '!=', 'ocmw_staff')
    .executeTakeFirst();
  const command = body.trim().toUpperCase();
  const kind = !staff
    ? 'forwarded'
    : command === 'BEDDEN' || command === 'BEDS'
      ? 'beds'
      : command === 'OK'
        ? 'ack'
        : 'staff';
  if (staff) {
    const stored = await storeInbound(db, { sid, from, body, userId: staff.id, kind, now, region });
    if (!stored) return reply(null); // Twilio repeated itself: handled already
    received(stored);
    if (kind === 'beds') return reply(await bedsSummary(db, now, undefined, region ?? undefined));
    if (kind === 'ack') {
      const alarm = await acknowledgeLatestAlarm(services, staff.id);
      return reply(alarm ? `Alarm bevestigd. Bel terug: ${alarm.from ?? 'nummer onbekend'}` : 'Geen open alarm.');
    }
    return reply('Ontvangen.');
  }
  const duty = region ? await onCallNow(services, region, now) : null;
  const forwardTo = [duty?.primary, duty?.backup, duty?.coordinator].find((p) => p?.phone)?.phone ?? null;
  // The text, its forward (or the decision to hold it back) and a hotel's count are one transaction:
  // a crash can never leave a text marked forwarded whose forward was never queued.
  const outcome = await db.transaction().execute(async (trx) => {
    const stored = await storeInbound(trx, { sid, from, body, userId: null, kind: 'forwarded', now, region });
    if (!stored) return null;
    const hotelId = await hotelReply(services, trx, from, body);
    if (hotelId) {
      await markHandled(trx, stored, 'hotel');
      return { id: stored, hotel: hotelId };
    }
    // A referrer asking about their case by its reference gets its state, and the worker is not woken.
    const asked = await followUp(services, trx, { id: stored, from, body, now });
    if (asked) {
      await markHandled(trx, stored, asked.handledAs);
      return { id: stored, hotel: null, answer: asked.reply };
    }
    await forwardOrHold(services, trx, { id: stored, sid, from, body, to: forwardTo, now, region });
    return { id: stored, hotel: null };
  });
  if (!outcome) return reply(null);
  if ('answer' in outcome) {
    received(outcome.id);
    return reply(outcome.answer ?? null);
  }
  // Announced after the commit, so a console that refetches on the event reads the new count.
  if (outcome.hotel) announceBoard(services, outcome.hotel);
  received(outcome.id);
  return reply(outcome.hotel ? 'Bedankt, genoteerd.' : null); // no automatic answer to unknown numbers
}

/**
 * `sms:received` to the consoles that list the text: its region's, or every console for a text of no region
 * (none is stored without one while a region exists; kept for symmetry with announceOutbox).
 */
function announceInbound(services: Services, id: string, region: string | null) {
  if (region) services.realtime.publishToRegion(region, 'sms:received', { id }, rolesWith('sms.read'));
  else services.realtime.publish('sms:received', { id }, rolesWith('sms.read'));
}

interface Inbound {
  sid: string;
  from: string;
  body: string;
  userId: string | null;
  kind: string;
  now: Date;
  region: string | null;
}

async function storeInbound(db: Services['db'] | Transaction<Database>, m: Inbound): Promise<string | null> {
  const row = await db
    .insertInto('sms_inbound')
    .values({
      message_sid: m.sid,
      from_number: m.from,
      body: m.body.slice(0, 1600),
      from_user_id: m.userId,
      handled_as: m.kind,
      received_at: m.now,
      region_code: m.region,
    })
    .onConflict((oc) => oc.column('message_sid').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

const markHandled = (trx: Transaction<Database>, id: string, handledAs: string) =>
  trx.updateTable('sms_inbound').set({ handled_as: handledAs }).where('id', '=', id).execute();

interface ToForward {
  id: string;
  sid: string;
  from: string;
  body: string;
  to: string | null;
  now: Date;
  region: string | null;
}

async function forwardOrHold(services: Services, trx: Transaction<Database>, m: ToForward): Promise<void> {
  const { perSenderPerHour, perHour } = services.config.smsForwards;
  // One decision at a time across instances, so two texts arriving together cannot both take the last slot.
  await sql`select pg_advisory_xact_lock(hashtext('permanentie:sms-forward'))`.execute(trx);
  const since = new Date(m.now.getTime() - HOUR);
  const counts = await trx
    .selectFrom('sms_inbound')
    .select([
      sql<number>`count(*) filter (where from_number = ${m.from})::int`.as('sender'),
      sql<number>`count(*)::int`.as('all'),
    ])
    .where('handled_as', '=', 'forwarded')
    .where('received_at', '>', since)
    .where('id', '!=', m.id)
    // Each region's line has its own hourly limits: a flood on one desk's number never holds another's texts.
    .where((eb) => (m.region === null ? eb('region_code', 'is', null) : eb('region_code', '=', m.region)))
    .executeTakeFirstOrThrow();
  if (!m.to) {
    await markHandled(trx, m.id, 'kept');
    return;
  } // nobody on the rota: kept for the console (the gap is alarmed elsewhere)
  const bucket = Math.floor(m.now.getTime() / HOUR);
  if (counts.sender >= perSenderPerHour || counts.all >= perHour) {
    await markHandled(trx, m.id, 'held');
    const perSender = counts.sender >= perSenderPerHour;
    await enqueueSms(
      trx,
      m.now,
      perSender
        ? {
            to: m.to,
            kind: 'forward',
            region: m.region,
            dedupeKey: `forward-held:${m.region ?? ''}:${m.from}:${bucket}`,
            body: `Meer sms'en van ${m.from} dit uur: niet meer doorgestuurd, lees ze in de console.`,
          }
        : {
            to: m.to,
            kind: 'forward',
            region: m.region,
            dedupeKey: `forward-held-all:${m.region ?? ''}:${bucket}`,
            body: `Veel sms'en op de permanentielijn dit uur: de rest staat enkel in de console.`,
          },
    );
    return;
  }
  await enqueueSms(trx, m.now, {
    to: m.to,
    body: `Sms van ${m.from}: ${m.body}`.slice(0, 1600),
    kind: 'forward',
    region: m.region,
    dedupeKey: `forward:${m.sid}`,
  });
}
