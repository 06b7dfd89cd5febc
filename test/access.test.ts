// The access matrix: every declared route, called by nobody and by each role. Undeclared roles are
// refused, so a route added tomorrow is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../server/db/schema';
import { apiRoutes } from '../server/routes';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

const ROLE_LOGINS: Record<Role, string> = {
  duty_worker: 'permanentie',
  coordinator: 'coordinator',
  ocmw_staff: 'ocmw-turnhout',
  admin: 'admin',
  allocator: 'toewijzer',
};

let t: TestServer;
const clients = {} as Record<Role, ApiClient>;
beforeAll(async () => {
  t = await startTestServer();
  for (const [role, username] of Object.entries(ROLE_LOGINS) as [Role, string][]) {
    clients[role] = new ApiClient(t.url);
    await clients[role].login(username);
  }
});
afterAll(() => t.close());

const concretePath = (path: string) => path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');

describe.each(apiRoutes.filter((r) => r.roles !== 'public'))('$method $path', (route) => {
  const call = (api: ApiClient) =>
    api.request(route.method.toUpperCase(), concretePath(route.path), route.method === 'get' ? undefined : {});

  it('is refused without a session', async () => {
    const res = await call(new ApiClient(t.url));
    expect(res.status).toBe(401);
  });

  it.each(Object.keys(ROLE_LOGINS) as Role[])('role %s gets exactly what the route declares', async (role) => {
    const res = await call(clients[role]);
    if ((route.roles as readonly Role[]).includes(role)) expect([401, 403]).not.toContain(res.status);
    else expect(res.status).toBe(403);
  });
});

it('declares roles on every route', () => {
  for (const r of apiRoutes) expect(r.roles === 'public' || r.roles.length > 0, `${r.method} ${r.path}`).toBe(true);
});
