// The region as a dimension of what a user sees (issue 15 part 3): small functions every capability (and the
// route policies) calls, so the scoping rule lives in one place.
import type { Kysely, Transaction } from 'kysely';
import { say } from '../../shared/rules/say';
import type { AuthUser } from '../auth/session';
import type { Database } from '../db/schema';
import { forbidden } from '../http/errors';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The region a signed-in user is looking at; 403 for an account that belongs to no region (OCMW staff).
 * @public
 */
export function regionOf(user: Pick<AuthUser, 'region'>): string {
  if (!user.region)
    throw forbidden(say('Dit account hoort bij geen enkele regio.', 'This account belongs to no region.'));
  return user.region;
}

/**
 * The first region (by code): where a row without a region belongs, and the desk's region when there is one.
 * @public
 */
export async function firstRegion(db: Db): Promise<string | null> {
  const row = await db.selectFrom('regions').select('code').orderBy('position').orderBy('code').executeTakeFirst();
  return row?.code ?? null;
}

/**
 * Every region with its permanence number, for picking a region from the number called (Twilio's `To`).
 * @public
 */
export async function regionNumbers(db: Db): Promise<{ code: string; number: string | null }[]> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'settings'])
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    number: (r.settings as { permanenceNumber?: string }).permanenceNumber ?? null,
  }));
}

/**
 * The region a call to `to` belongs to: the region whose permanence number it is, else the first region (a number
 * no region claims, e.g. a test number, still reaches a rota). Pure, so the voice path can call it on what it keeps
 * in memory.
 * @public
 */
export function regionForNumber(
  regions: readonly { code: string; number: string | null }[],
  to: string | null,
): string | null {
  return regions.find((r) => to !== null && r.number === to)?.code ?? regions[0]?.code ?? null;
}
