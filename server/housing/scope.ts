// What every housing query shares: the region's published rules, the scope of OCMW staff, announcing changes.
// The wooncel is a region's (issue 15): a home, a registration and a contingent request belong to the region of
// their municipality (`municipalities.region_code`; no column of their own, so no migration), and every list,
// figure and decision covers the user's current region only. Another region's row is 404, like another region's
// place or call; within the region OCMW staff still see only their own municipalities (403).
import type { Kysely, Transaction } from 'kysely';
import { allocationRulesSchema, KEMPEN_ALLOCATION, type AllocationRules } from '../../shared/rules/housing/allocation';
import { say } from '../../shared/rules/say';
import type { AuthUser } from '../auth/session';
import type { Database } from '../db/schema';
import { forbidden, notFound } from '../http/errors';
import { inScope, rolesWith, scope } from '../policies';
import { regionOf } from '../region/scope';
import { regionSettings } from '../region/settings';
import type { Services } from '../services';

type Db = Kysely<Database> | Transaction<Database>;

/** The region's rules (region.json `housing`); a region seeded before the wooncel existed gets the Kempen's. */
export async function housingRules(db: Db, region: string): Promise<AllocationRules> {
  const parsed = allocationRulesSchema.safeParse(((await regionSettings(db, region)) as { housing?: unknown }).housing);
  return parsed.success ? parsed.data : KEMPEN_ALLOCATION;
}

/** The NIS codes of the region's municipalities (a few dozen): what the region's wooncel covers. */
export async function regionNis(db: Db, region: string): Promise<string[]> {
  const rows = await db.selectFrom('municipalities').select('nis').where('region_code', '=', region).execute();
  // SQL's `in ()` needs one value: a region without municipalities matches no row.
  return rows.length ? rows.map((r) => r.nis) : ['-'];
}

/** The municipalities a housing query covers for this user: the current region's, within the policy scope. */
export async function housingScope(db: Db, user: AuthUser): Promise<string[]> {
  const own = await regionNis(db, regionOf(user));
  const s = scope(user);
  const both = s === null ? own : own.filter((nis) => s.includes(nis));
  return both.length ? both : ['-'];
}

/** Another region's home, registration or request: as if it did not exist (`message`: the 404's "no such ..."). */
export function assertRegion(nis: string, region: readonly string[], message: Parameters<typeof notFound>[0]): void {
  if (!region.includes(nis)) throw notFound(message);
}

/** A case outside the user's scope (server/policies: OCMW staff, their own municipalities) is refused. */
export function assertMunicipality(user: AuthUser, nis: string): void {
  if (!inScope(user, nis)) {
    throw forbidden(say('Dit dossier hoort bij een ander OCMW.', 'This case belongs to another OCMW.'));
  }
}

// To every region's consoles: the event carries nothing, and each console refetches its own region's wooncel.
export function announce(services: Services): void {
  services.realtime.publish('housing:changed', {}, rolesWith('housing.read'));
}
