// Person keys from names in every script (issue 18): the old key kept only a-z, so a name without Latin
// letters had none and "Mohamed 1" met "Mohamed 2 محمد". Every intake that still names its person gets
// the new key; pseudonymised ones keep none.
import type { Kysely } from 'kysely';
import { personKey } from '../../intake/person-key';

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('intakes')
    .select(['id', 'person_name', 'birth_date'])
    .where('pseudonymised_at', 'is', null)
    .execute()) as { id: string; person_name: string; birth_date: string | null }[];
  for (const r of rows) {
    await db
      .updateTable('intakes')
      .set({ person_key: personKey(r.person_name, r.birth_date) })
      .where('id', '=', r.id)
      .execute();
  }
}

// The old keys cannot be told apart from the new ones by shape; going down leaves the new keys, which
// the old code simply fails to match (no wrong link, only missed earlier contacts).
export async function down(): Promise<void> {}
