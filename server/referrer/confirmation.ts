// The referrer's texts about a case: the confirmation when a place is held, and one update per
// change (another place, released, arrived). Each goes through the outbox in the transaction of its
// cause, 30 seconds in the future (UNDO_MS): the worker sees the text in the console and can stop it
// before it leaves. A newer text for the same case replaces one still waiting; an update about a
// confirmation that never left is not sent (there is nothing to correct).
import { sql, type Kysely, type Transaction } from 'kysely';
import { parsePhone } from '../../shared/rules/phone';
import { referrerText, type ReferrerEvent, type ReferrerLanguage } from '../../shared/rules/referrer-sms';
import type { Database } from '../db/schema';
import { regionDesk } from '../region/settings';
import type { Services } from '../services';
import { cancelWaitingSms, enqueueSms } from '../telephony/outbox/enqueue';
import { announceIntake } from '../intake/announce';

export const UNDO_MS = 30_000;
export const REFERRER_KIND = 'referrer';
type Db = Kysely<Database> | Transaction<Database>;

/** A sentence for the worker in both console languages (a 200 answer carries both; the console picks). */
export interface Both {
  nl: string;
  en: string;
}
export type ReferrerMobile = { ok: true; to: string } | { ok: false; reason: 'no_phone' | 'not_mobile'; message: Both };
const both = (nl: string, en: string): Both => ({ nl, en });

/** Whether the referrer can be texted: only a number libphonenumber calls a mobile. */
export function referrerMobile(referrer: Record<string, string>): ReferrerMobile {
  if (!referrer.phone) {
    return {
      ok: false,
      reason: 'no_phone',
      message: both(
        'De doorverwijzer gaf geen gsm-nummer: er gaat geen sms. Geef adres en referentie telefonisch door.',
        'The referrer gave no mobile number: no SMS goes out. Give the address and reference by phone.',
      ),
    };
  }
  const p = parsePhone(referrer.phone);
  if (p.ok && p.type === 'mobile') return { ok: true, to: p.e164 };
  return {
    ok: false,
    reason: 'not_mobile',
    message: both(
      `${p.ok ? p.national : referrer.phone} is geen gsm-nummer: er gaat geen sms. Geef adres en referentie telefonisch door, of vul een gsm-nummer in.`,
      `${p.ok ? p.national : referrer.phone} is not a mobile number: no SMS goes out. Give the address and reference by phone, or enter a mobile number.`,
    ),
  };
}

/** The number of the desk that recorded the intake (its region's), as the referrer should call or text it. */
export async function deskNumber(services: Services, db: Db, region: string): Promise<string | null> {
  return (await regionDesk(db, region, services.config.twilio.phoneNumber)).number;
}

/** The organisation's language: its directory entry by the referrer's number, the call's number or its name; Dutch otherwise. */
export async function languageOf(
  db: Db,
  intake: { referrer: Record<string, string>; call_id: string | null },
): Promise<ReferrerLanguage> {
  const call = intake.call_id
    ? await db.selectFrom('calls').select('from_number').where('id', '=', intake.call_id).executeTakeFirst()
    : undefined;
  const numbers = [intake.referrer.phone, call?.from_number].filter((n): n is string => Boolean(n));
  const org = (intake.referrer.organisation ?? '').trim().toLowerCase();
  const hit = await db
    .selectFrom('directory')
    .select('language')
    .where((eb) => eb.or([...(numbers.length ? [eb('number', 'in', numbers)] : []), eb(sql`lower(name)`, '=', org)]))
    .orderBy(sql`case when number in (${sql.join(numbers.length ? numbers : ['-'])}) then 0 else 1 end`)
    .limit(1)
    .executeTakeFirst();
  return hit?.language ?? 'nl';
}

/**
 * Queues the referrer's text about `event` for an intake, in the caller's transaction. Returns the
 * outbox id, or null when nothing goes (no mobile, no reference, already queued, nothing to correct).
 * @public
 */
export async function queueReferrerSms(
  services: Services,
  trx: Db,
  intakeId: string,
  event: ReferrerEvent,
  holdId: string,
): Promise<string | null> {
  const now = services.clock.now();
  const intake = await trx
    .selectFrom('intakes')
    .select(['id', 'reference', 'referrer', 'call_id', 'region_code'])
    .where('id', '=', intakeId)
    .executeTakeFirst();
  if (!intake?.reference) return null;
  const mobile = referrerMobile(intake.referrer);
  const desk = await deskNumber(services, trx, intake.region_code);
  if (!mobile.ok || !desk) return null;
  // A text still waiting for this case is replaced by this one.
  await cancelWaitingSms(trx, { kind: REFERRER_KIND, intakeId }, 'replaced by a newer text', now);
  const sent = await trx
    .selectFrom('outbox')
    .select('id')
    .where('intake_id', '=', intakeId)
    .where('kind', '=', REFERRER_KIND)
    .where('status', 'not in', ['queued', 'cancelled'])
    .executeTakeFirst();
  if (event === 'released' && !sent) return null; // the referrer never heard of the place
  if (event === 'moved' && !sent) event = 'held';
  if (event === 'held' && sent) event = 'moved';
  const hold = await trx
    .selectFrom('holds')
    .innerJoin('places', 'places.id', 'holds.place_id')
    .select([
      'holds.expires_at',
      'places.name',
      'places.address',
      'places.confidential_address',
      'places.meeting_point',
      'places.phone',
    ])
    .where('holds.id', '=', holdId)
    .executeTakeFirstOrThrow();
  const body = referrerText({
    lang: await languageOf(trx, intake),
    event,
    reference: intake.reference,
    deskNumber: desk,
    until: new Date(hold.expires_at),
    // A refuge's address never leaves the building: it is not even passed to the text.
    place: {
      name: hold.name,
      address: hold.confidential_address ? null : hold.address,
      meetingPoint: hold.meeting_point,
      phone: hold.phone,
    },
  });
  const row = await enqueueSms(trx, now, {
    to: mobile.to,
    body,
    kind: REFERRER_KIND,
    dedupeKey: `referrer:${intakeId}:${holdId}:${event}`,
    notBefore: new Date(now.getTime() + UNDO_MS),
    intakeId,
    region: intake.region_code,
  });
  return row?.id ?? null;
}

/** After a hold ended outside an intake command (released on the board, expired): the update for its case. */
/**
 * Queues the referrer's "released" update for each intake of these holds, inside the caller's transaction
 * (the one that releases or expires the holds: a crash leaves both or neither). Returns a function that
 * tells the consoles, to be called once that transaction has committed.
 * @public
 */
export async function queueReferrerUpdatesForHolds(
  services: Services,
  trx: Transaction<Database>,
  holdIds: string[],
  event: 'released',
): Promise<() => void> {
  if (!holdIds.length) return () => {};
  const intakes = await trx
    .selectFrom('intakes')
    .select(['id', 'hold_id', 'region_code'])
    .where('hold_id', 'in', holdIds)
    .execute();
  for (const i of intakes) await queueReferrerSms(services, trx, i.id, event, i.hold_id!);
  return () => {
    for (const i of intakes) announceIntake(services, i.id, i.region_code);
  };
}
