// The access matrix: every declared route, called by nobody and by each role, against the table in
// access-expectations.ts (written by hand, not from the declarations). A route missing from the table,
// or a row naming a route that no longer exists, fails here; so does /api/auth/me listing abilities
// the table does not give that role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABILITIES } from '../shared/abilities';
import type { Role } from '../server/db/schema';
import { apiRoutes } from '../server/routes';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';
import { EXPECTED, EXPECTED_WITHOUT_ROUTE } from './access-expectations';

const ROLE_LOGINS: Record<Role, string> = {
  duty_worker: 'permanentie',
  coordinator: 'coordinator',
  ocmw_staff: 'ocmw-turnhout',
  admin: 'admin',
  allocator: 'toewijzer',
};
const ROLES = Object.keys(ROLE_LOGINS) as Role[];

let t: TestServer;
const clients = {} as Record<Role, ApiClient>;
beforeAll(async () => {
  t = await startTestServer();
  for (const role of ROLES) {
    clients[role] = new ApiClient(t.url);
    await clients[role].login(ROLE_LOGINS[role]);
  }
});
afterAll(() => t.close());

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
const concretePath = (path: string) => path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');

it('the table names every declared route, and only those', () => {
  const declared = apiRoutes.map(keyOf);
  expect(
    declared.filter((k) => !(k in EXPECTED)),
    'declared but not in access-expectations.ts',
  ).toEqual([]);
  expect(
    Object.keys(EXPECTED).filter((k) => !declared.includes(k)),
    'in access-expectations.ts but not declared',
  ).toEqual([]);
});

it('a route is public exactly when the table says so', () => {
  for (const r of apiRoutes) expect(r.policy === 'public', keyOf(r)).toBe(EXPECTED[keyOf(r)] === 'public');
});

describe.each(apiRoutes.filter((r) => r.policy !== 'public'))('$method $path', (route) => {
  const call = (api: ApiClient) =>
    api.request(route.method.toUpperCase(), concretePath(route.path), route.method === 'get' ? undefined : {});

  it('is refused without a session', async () => {
    const res = await call(new ApiClient(t.url));
    expect(res.status).toBe(401);
  });

  it.each(ROLES)('role %s gets what the table says', async (role) => {
    const allowed = EXPECTED[keyOf(route)];
    const res = await call(clients[role]);
    if (allowed !== 'public' && allowed?.includes(role)) expect([401, 403]).not.toContain(res.status);
    else expect(res.status).toBe(403);
  });
});

describe('/api/auth/me sends the abilities the table gives the role', () => {
  // The abilities of the routes the table lets this role call, and the route-less ones it gives it.
  const expectedFor = (role: Role) => {
    const fromRoutes = apiRoutes.flatMap((r) => {
      const allowed = EXPECTED[keyOf(r)];
      return r.policy !== 'public' && r.policy !== 'signed-in' && allowed !== 'public' && allowed?.includes(role)
        ? [r.policy]
        : [];
    });
    const routeless = Object.entries(EXPECTED_WITHOUT_ROUTE).flatMap(([a, roles]) => (roles.includes(role) ? [a] : []));
    return [...new Set([...fromRoutes, ...routeless])].sort();
  };

  it('every ability is checked: it gates a route or the table lists it without one', () => {
    const gating = new Set(apiRoutes.map((r) => r.policy));
    expect(ABILITIES.filter((a) => !gating.has(a) && !(a in EXPECTED_WITHOUT_ROUTE))).toEqual([]);
    expect(Object.keys(EXPECTED_WITHOUT_ROUTE).filter((a) => gating.has(a as never))).toEqual([]);
  });

  it.each(ROLES)('role %s', async (role) => {
    const res = await clients[role].get('/api/auth/me');
    expect(res.status).toBe(200);
    expect([...res.body.abilities].sort()).toEqual(expectedFor(role));
  });

  it('the OCMW staff member learns their scope; the others reach everywhere (null)', async () => {
    expect((await clients.ocmw_staff.get('/api/auth/me')).body.scope).toEqual(['13040']); // Turnhout
    for (const role of ROLES.filter((r) => r !== 'ocmw_staff'))
      expect((await clients[role].get('/api/auth/me')).body.scope, role).toBeNull();
  });
});
