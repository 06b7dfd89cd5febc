// National register numbers are intakes' data: the intake re-encrypts its own rows under the current key
// at start (the cipher itself is privacy/rrn-crypto.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { decryptRrn, encryptRrn, keyId, type RrnKeys } from '../privacy/rrn-crypto';

/**
 * Encrypts plain numbers and re-encrypts those under an old key with the current one; returns how many.
 * @public
 */
export async function reencryptRrns(db: Kysely<Database>, keys: RrnKeys): Promise<number> {
  const current = `v1:${keyId(keys.current)}:`;
  const rows = await db.selectFrom('intakes').select(['id', 'rrn']).where('rrn', 'is not', null).execute();
  let n = 0;
  for (const r of rows) {
    if (r.rrn!.startsWith(current)) continue;
    await db
      .updateTable('intakes')
      .set({ rrn: encryptRrn(decryptRrn(r.rrn!, keys), keys) })
      .where('id', '=', r.id)
      .where('rrn', '=', r.rrn)
      .execute();
    n++;
  }
  return n;
}
