// The policy functions on hand-picked cases: the OCMW's scope, holders of a few abilities the desk's
// rules name (admins read no personal records; only the allocator decides an allocation), and the
// declarations' one-ability-one-module rule. Route by route access is test/access.test.ts.
import { describe, expect, it } from 'vitest';
import { ABILITIES } from '../../shared/abilities';
import { abilitiesOf, can, inScope, POLICIES, rolesWith, scope } from '.';

const turnhout = { role: 'ocmw_staff' as const, municipalities: ['13040'] };
const twoOcmws = { role: 'ocmw_staff' as const, municipalities: ['13040', '13008'] };
const unlinked = { role: 'ocmw_staff' as const, municipalities: [] };
const coordinator = { role: 'coordinator' as const, municipalities: [] };

describe('scope', () => {
  it('limits OCMW staff to their own municipalities', () => {
    expect(scope(turnhout)).toEqual(['13040']);
    expect(scope(twoOcmws)).toEqual(['13040', '13008']);
    expect(inScope(turnhout, '13040')).toBe(true);
    expect(inScope(turnhout, '13008')).toBe(false); // Geel's case is not Turnhout's
    expect(inScope(twoOcmws, '13008')).toBe(true);
  });

  it('gives an OCMW account linked to no municipality nothing, not everything', () => {
    expect(scope(unlinked)).toEqual([]);
    expect(inScope(unlinked, '13040')).toBe(false);
  });

  it('does not limit the other roles (null: everywhere their abilities allow)', () => {
    for (const role of ['duty_worker', 'coordinator', 'admin', 'allocator'] as const) {
      expect(scope({ role, municipalities: [] }), role).toBeNull();
      expect(inScope({ role, municipalities: [] }, '52011'), role).toBe(true); // Charleroi, outside the region
    }
  });
});

describe('can', () => {
  it('refuses nobody signed in', () => {
    expect(can(null, 'region.read')).toBe(false);
    expect(can(undefined, 'places.read')).toBe(false);
  });

  it('accepts a role or a user', () => {
    expect(can('duty_worker', 'intakes.change')).toBe(true);
    expect(can(coordinator, 'handoffs.act')).toBe(true);
  });

  it('keeps personal records from the admin, who manages accounts', () => {
    for (const a of ['intakes.read', 'intakes.list', 'handoffs.read', 'referrer.read'] as const)
      expect(can('admin', a), a).toBe(false);
    expect(can('admin', 'users.change')).toBe(true);
  });

  it('lets only the allocator decide, while the coordinator may ask for a proposal', () => {
    expect(rolesWith('housing.decide')).toEqual(['allocator']);
    expect(can('coordinator', 'housing.propose')).toBe(true);
    expect(can('coordinator', 'housing.decide')).toBe(false);
  });

  it('gives the OCMW its handoffs but not the night: no calls, board or rota', () => {
    expect(can(turnhout, 'handoffs.act')).toBe(true);
    for (const a of ['calls.read', 'places.read', 'rota.read', 'intakes.list'] as const)
      expect(can(turnhout, a), a).toBe(false);
  });
});

describe('the declarations', () => {
  it('declare every ability in exactly one resource module', () => {
    const declared = Object.values(POLICIES).flatMap((p) => Object.keys(p));
    expect(declared.toSorted()).toEqual([...ABILITIES].toSorted());
  });

  it('list a role’s abilities in the shared order, each one it holds', () => {
    const mine = abilitiesOf('allocator');
    expect(mine).toEqual(ABILITIES.filter((a) => mine.includes(a)));
    expect(mine).toContain('housing.decide');
    expect(mine).not.toContain('calls.read');
    expect(mine.every((a) => can('allocator', a))).toBe(true);
  });
});
