// What every housing query shares: the region's published rules, the scope of OCMW staff, announcing changes.
import type { Kysely, Transaction } from 'kysely';
import { allocationRulesSchema, KEMPEN_ALLOCATION, type AllocationRules } from '../../shared/rules/housing/allocation';
import { say } from '../../shared/rules/say';
import type { AuthUser } from '../auth/session';
import type { Database } from '../db/schema';
import { forbidden } from '../http/errors';
import { inScope, rolesWith, scope } from '../policies';
import { regionSettings } from '../region/settings';
import type { Services } from '../services';

type Db = Kysely<Database> | Transaction<Database>;

/** The region's rules (region.json `housing`); a region seeded before the wooncel existed gets the Kempen's. */
export async function housingRules(db: Db): Promise<AllocationRules> {
  const parsed = allocationRulesSchema.safeParse(((await regionSettings(db)) as { housing?: unknown }).housing);
  return parsed.success ? parsed.data : KEMPEN_ALLOCATION;
}

/** A case outside the user's scope (server/policies: OCMW staff, their own municipalities) is refused. */
export function assertMunicipality(user: AuthUser, nis: string): void {
  if (!inScope(user, nis)) {
    throw forbidden(say('Dit dossier hoort bij een ander OCMW.', 'This case belongs to another OCMW.'));
  }
}

/** The municipalities a query may cover for this user (its policy scope): null means all. */
export function scopeOf(user: AuthUser): string[] | null {
  const s = scope(user);
  // SQL's `in ()` needs one value: a scope of no municipalities matches no row.
  return s === null ? null : s.length ? [...s] : ['-'];
}

// To every region: the wooncel is not per region yet (its rules are the first region's, README "Left to do").
export function announce(services: Services): void {
  services.realtime.publish('housing:changed', {}, rolesWith('housing.read'));
}
