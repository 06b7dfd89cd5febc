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

/**
 * openCaseOf for many calls at once (the call log writes calls in batches): for each, in the same order,
 * the open case of its number in the 12 hours before its own `now`, as openCaseOf would answer.
 * @public
 */
export async function openCasesOf(
  db: Kysely<Database>,
  asked: { number: string; now: Date }[],
): Promise<(string | null)[]> {
  if (asked.length === 0) return [];
  const numbers = [...new Set(asked.map((a) => a.number))];
  const earliest = Math.min(...asked.map((a) => a.now.getTime()));
  const rows = await db
    .selectFrom('intakes')
    .leftJoin('calls', 'calls.id', 'intakes.call_id')
    .select(['intakes.id', 'intakes.created_at', 'calls.from_number'])
    .select((eb) => eb.ref('intakes.referrer', '->>').key('phone').as('referrer_phone'))
    .where('intakes.status', '!=', 'closed')
    .where('intakes.created_at', '>', new Date(earliest - CALLBACK_WINDOW_MS))
    .where((eb) =>
      eb.or([
        eb('calls.from_number', 'in', numbers),
        eb(eb.ref('intakes.referrer', '->>').key('phone'), 'in', numbers),
      ]),
    )
    .orderBy('intakes.created_at', 'desc')
    .execute();
  return asked.map(
    ({ number, now }) =>
      rows.find(
        (r) =>
          (r.from_number === number || r.referrer_phone === number) &&
          new Date(r.created_at).getTime() > now.getTime() - CALLBACK_WINDOW_MS,
      )?.id ?? null,
  );
}

/**
 * "Politie Turnhout, over aanmelding K-2412-07, moeder met twee kinderen": who calls about which case.
 * @public
 */
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
