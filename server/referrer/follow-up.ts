// The referrer's follow-up by SMS: a text to the desk's number holding a case's reference, from the
// number that opened the case or that the referrer gave, is answered with the case's state (held
// until, arrived, released) and nothing else. Anyone else texting a reference learns nothing: the
// text is an ordinary one (kept, forwarded to the worker under the flood cap, no answer). Answers
// are limited to FOLLOW_UPS_PER_HOUR per number; beyond that the text is kept for the console only.
import type { Transaction } from 'kysely';
import { parseReference } from '../../shared/rules/intake/reference';
import { referrerStatusText } from '../../shared/rules/referrer-sms';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import { deskNumber, languageOf } from './confirmation';

export const FOLLOW_UPS_PER_HOUR = 5;
/** A reference repeats after a year; only cases this recent are looked up by it. */
const LOOKBACK_MS = 14 * 86_400_000;

export type FollowUp = { handledAs: 'status'; reply: string } | { handledAs: 'status-limited'; reply: null } | null;

/** @public */
export async function followUp(
  services: Services,
  trx: Transaction<Database>,
  m: { id: string; from: string; body: string; now: Date },
): Promise<FollowUp> {
  const reference = parseReference(m.body);
  if (!reference) return null;
  const intake = await trx
    .selectFrom('intakes')
    .leftJoin('calls', 'calls.id', 'intakes.call_id')
    .leftJoin('holds', 'holds.id', 'intakes.hold_id')
    .select([
      'intakes.id',
      'intakes.status',
      'intakes.referrer',
      'intakes.call_id',
      'intakes.region_code',
      'holds.status as holdStatus',
      'holds.expires_at',
    ])
    .where('intakes.reference', '=', reference)
    .where('intakes.created_at', '>', new Date(m.now.getTime() - LOOKBACK_MS))
    .where((eb) =>
      eb.or([eb('calls.from_number', '=', m.from), eb(eb.ref('intakes.referrer', '->>').key('phone'), '=', m.from)]),
    )
    .orderBy('intakes.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!intake) return null; // not theirs, or no such case: an ordinary text, no answer
  const asked = await trx
    .selectFrom('sms_inbound')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('from_number', '=', m.from)
    .where('handled_as', '=', 'status')
    .where('id', '!=', m.id)
    .where('received_at', '>', new Date(m.now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (Number(asked.n) >= FOLLOW_UPS_PER_HOUR) return { handledAs: 'status-limited', reply: null };
  const state =
    intake.status === 'placed'
      ? 'placed'
      : intake.status === 'closed'
        ? 'closed'
        : intake.holdStatus === 'held'
          ? 'held'
          : intake.holdStatus
            ? 'released'
            : 'open';
  const desk = (await deskNumber(services, trx, intake.region_code)) ?? '';
  const lang = await languageOf(trx, { referrer: intake.referrer, call_id: intake.call_id });
  return {
    handledAs: 'status',
    reply: referrerStatusText(
      lang,
      reference,
      state,
      desk,
      intake.expires_at ? new Date(intake.expires_at) : undefined,
    ),
  };
}
