// A call-back: a call from a number that has an open case of the last 12 hours (the call that
// opened it, or the referrer's own number on it). The call is linked to the case when it is logged
// (after the TwiML is sent: the greeting never waits for this), the screening whisper names it to
// the worker, and the console opens that case instead of a new intake.
import type { Kysely } from 'kysely';
import { householdWords } from '../../shared/rules/intake/household-words';
import type { Database } from '../db/schema';

export const CALLBACK_WINDOW_MS = 12 * 3_600_000;

export async function openCaseOf(db: Kysely<Database>, number: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('intakes')
    .leftJoin('calls', 'calls.id', 'intakes.call_id')
    .select('intakes.id')
    .where('intakes.status', '!=', 'closed')
    .where('intakes.created_at', '>', new Date(now.getTime() - CALLBACK_WINDOW_MS))
    .where((eb) =>
      eb.or([eb('calls.from_number', '=', number), eb(eb.ref('intakes.referrer', '->>').key('phone'), '=', number)]),
    )
    .orderBy('intakes.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** "Politie Turnhout, over aanmelding K-2412-07, moeder met twee kinderen": who calls about which case. */
export async function callBackWhisper(
  db: Kysely<Database>,
  intakeId: string,
  callerName: string | null,
): Promise<string | null> {
  const i = await db
    .selectFrom('intakes')
    .select(['reference', 'referrer', 'household_type', 'children'])
    .where('id', '=', intakeId)
    .executeTakeFirst();
  if (!i?.reference) return null;
  const who = callerName ?? i.referrer.organisation ?? null;
  return [who, `over aanmelding ${i.reference}`, householdWords(i.household_type, i.children)]
    .filter(Boolean)
    .join(', ');
}
