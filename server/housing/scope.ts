// What every housing query shares: the region's published rules, the scope of OCMW staff, announcing changes.
import type { Kysely, Transaction } from 'kysely';
import { allocationRulesSchema, KEMPEN_ALLOCATION, type AllocationRules } from '../../shared/rules/housing/allocation';
import { say } from '../../shared/rules/say';
import type { AuthUser } from '../auth/session';
import type { Database, Role } from '../db/schema';
import { forbidden } from '../http/errors';
import { regionSettings } from '../region/settings';
import type { Services } from '../services';

type Db = Kysely<Database> | Transaction<Database>;

/** The region's rules (region.json `housing`); a region seeded before the wooncel existed gets the Kempen's. */
export async function housingRules(db: Db): Promise<AllocationRules> {
  const parsed = allocationRulesSchema.safeParse(((await regionSettings(db)) as { housing?: unknown }).housing);
  return parsed.success ? parsed.data : KEMPEN_ALLOCATION;
}

/** OCMW staff act only for their own municipalities; every other role allowed by the route for all. */
export function assertMunicipality(user: AuthUser, nis: string): void {
  if (user.role === 'ocmw_staff' && !user.municipalities.includes(nis)) {
    throw forbidden(say('Dit dossier hoort bij een ander OCMW.', 'This case belongs to another OCMW.'));
  }
}

/** The municipalities a query may cover for this user: null means all. */
export function scopeOf(user: AuthUser): string[] | null {
  return user.role === 'ocmw_staff' ? (user.municipalities.length ? user.municipalities : ['-']) : null;
}

export const HOUSING_ROLES: readonly Role[] = ['coordinator', 'allocator', 'ocmw_staff', 'admin', 'duty_worker'];

export function announce(services: Services): void {
  services.realtime.publish('housing:changed', {}, HOUSING_ROLES);
}
