// Who may do what, in one place: every ability and the roles that hold it (one module per resource),
// plus the one scope rule. Routes declare `policy: '<ability>'`, handlers ask `can(user, ability)` and
// `scope(user)`, events go to `rolesWith(ability)`, and /api/auth/me sends `abilitiesOf(role)` so the
// console shows what the server allows instead of deciding it again.
import { ABILITIES, type Ability } from '../../shared/abilities';
import type { Role } from '../db/schema';
import { auditPolicy } from './audit';
import { callsPolicy } from './calls';
import { figuresPolicy } from './figures';
import { handoffsPolicy } from './handoffs';
import { housingPolicy } from './housing';
import { intakesPolicy } from './intakes';
import { opsPolicy } from './ops';
import { placesPolicy } from './places';
import type { Policy } from './policy';
import { referrerPolicy } from './referrer';
import { regionPolicy } from './region';
import { rotaPolicy } from './rota';
import { usersPolicy } from './users';

export type { Ability } from '../../shared/abilities';

/** Every resource's policy; an ability declared by two of them is refused below. */
export const POLICIES: Readonly<Record<string, Policy>> = {
  places: placesPolicy,
  intakes: intakesPolicy,
  handoffs: handoffsPolicy,
  calls: callsPolicy,
  referrer: referrerPolicy,
  rota: rotaPolicy,
  figures: figuresPolicy,
  housing: housingPolicy,
  users: usersPolicy,
  audit: auditPolicy,
  ops: opsPolicy,
  region: regionPolicy,
};

// The compiler refuses an ability no module declares (a missing key) or one not in shared/abilities.ts.
const HOLDERS: Readonly<Record<Ability, readonly Role[]>> = {
  ...placesPolicy,
  ...intakesPolicy,
  ...handoffsPolicy,
  ...callsPolicy,
  ...referrerPolicy,
  ...rotaPolicy,
  ...figuresPolicy,
  ...housingPolicy,
  ...usersPolicy,
  ...auditPolicy,
  ...opsPolicy,
  ...regionPolicy,
};

// Two modules declaring one ability would silently let the later one win: refuse to start instead.
const declared = Object.values(POLICIES).flatMap((p) => Object.keys(p));
if (declared.length !== new Set(declared).size || declared.length !== ABILITIES.length)
  throw new Error(`policies: every ability must be declared exactly once (${declared.length} declarations)`);

/** Every role there is (the database's check constraint): who 'signed-in' lets in. */
export const ROLES: readonly Role[] = ['duty_worker', 'coordinator', 'ocmw_staff', 'admin', 'allocator'];

type Who = Role | { role: Role } | null | undefined;
const roleOf = (who: Who): Role | null => (who == null ? null : typeof who === 'string' ? who : who.role);

export function can(who: Who, ability: Ability): boolean {
  const role = roleOf(who);
  return role !== null && HOLDERS[ability].includes(role);
}

/** The roles holding an ability: the audience of an event about what it lets them read. */
export function rolesWith(ability: Ability): readonly Role[] {
  return HOLDERS[ability];
}

export function abilitiesOf(role: Role): Ability[] {
  return ABILITIES.filter((a) => HOLDERS[a].includes(role));
}

/**
 * The municipalities (NIS codes) a user's abilities reach, or null for all of them. OCMW staff act for
 * their own OCMWs only: handoffs and the intakes behind them, figures, housing registrations and the
 * contingent. Every other role reaches what its abilities allow everywhere.
 */
export function scope(user: { role: Role; municipalities: readonly string[] }): readonly string[] | null {
  return user.role === 'ocmw_staff' ? user.municipalities : null;
}

/** Whether a municipality lies within the user's scope. */
export function inScope(user: { role: Role; municipalities: readonly string[] }, nis: string): boolean {
  const s = scope(user);
  return s === null || s.includes(nis);
}
