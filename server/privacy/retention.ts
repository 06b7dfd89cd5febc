// Personal data are kept no longer than needed: after RETENTION_DAYS an intake keeps its counts and
// categories (household type, children, ETHOS situation, competent OCMW, referrer kind and organisation,
// birth year) and loses the person: name, birth date, sex, national register number, story, previous
// nights, needs, referrer's contact, the key that links earlier contacts, and the initials on the hold.
// Private callers' numbers (not in the directory of organisations), SMS texts and recordings go too.
// Every update is conditional, so instances may run this side by side; the figures stay exactly right.
import { sql } from 'kysely';
import { repeat } from '../repeat';
import type { Services } from '../services';
import { pseudonymiseHousing } from '../housing/retention';

export async function pseudonymiseExpired(services: Services): Promise<{ intakes: number; calls: number; sms: number }> {
  const { db, clock, config } = services;
  const now = clock.now();
  const before = new Date(now.getTime() - config.retentionDays * 86_400_000);
  return db.transaction().execute(async (trx) => {
    const intakes = await trx.updateTable('intakes').set({
      person_name: sql`'Pseudoniem ' || left(id::text, 8)`, birth_date: null, sex: null, rrn: null, person_key: null,
      story: null, previous_nights: null, needs: sql`'[]'::jsonb`, children_ages: null,
      referrer: sql`jsonb_build_object('kind', referrer->>'kind', 'organisation', referrer->>'organisation')`,
      pseudonymised_at: now, updated_at: now,
    }).where('pseudonymised_at', 'is', null).where('created_at', '<', before).returning(['id', 'hold_id']).execute();
    const holds = intakes.map((i) => i.hold_id).filter((h): h is string => h !== null);
    if (holds.length) await trx.updateTable('holds').set({ initials: '—' }).where('id', 'in', holds).execute();
    const calls = await trx.updateTable('calls').set({ from_number: null, caller_name: null, recording_url: null })
      .where('started_at', '<', before).where('from_number', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('directory').select('id').whereRef('directory.number', '=', 'calls.from_number'))))
      .returning('id').execute();
    await trx.updateTable('calls').set({ recording_url: null }).where('started_at', '<', before).where('recording_url', 'is not', null).execute();
    const sms = await trx.updateTable('sms_inbound').set({ body: '', from_number: '—' }).where('received_at', '<', before).where('from_number', '!=', '—')
      .returning('id').execute();
    await pseudonymiseHousing(trx, now, before);
    await trx.updateTable('outbox').set({ body: '', to_number: '—' }).where('created_at', '<', before).where('to_number', '!=', '—').execute();
    if (intakes.length) {
      await trx.insertInto('audit_log').values({ at: now, user_id: null, action: 'update', subject_type: 'retention', subject_id: null,
        detail: JSON.stringify({ pseudonymised: intakes.length, before: before.toISOString() }) }).execute();
    }
    return { intakes: intakes.length, calls: calls.length, sms: sms.length };
  });
}

export const startRetention = (services: Services, everyMs = 3_600_000) =>
  repeat(services, everyMs, 'retention', () => pseudonymiseExpired(services));
