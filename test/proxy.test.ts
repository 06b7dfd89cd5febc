// Behind a proxy: TRUST_PROXY says which hops may name the client, and the sign-in rate limit and
// lockout key on that client, so one attacker behind the proxy cannot lock everyone else out.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';
import { startTestServer, type TestServer } from './helpers/server';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});
const login = (t: TestServer, forwardedFor: string) =>
  fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    headers: { 'content-type': 'application/json', 'x-requested-with': 'test', 'x-forwarded-for': forwardedFor },
  }).then((r) => r.status);

describe('TRUST_PROXY', () => {
  it('one hop: each client behind the proxy has its own rate limit', async () => {
    const t = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_RATE_PER_MINUTE: '3' } });
    servers.push(t);
    const attacker = [];
    for (let i = 0; i < 4; i++) attacker.push(await login(t, '203.0.113.7'));
    expect(attacker).toEqual([401, 401, 401, 429]);
    expect(await login(t, '198.51.100.20')).toBe(401); // a colleague behind the same proxy still signs in
    const failed = await t.db.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login_failed')
      .execute();
    expect(failed.map((r) => (r.detail as { ip: string }).ip)).toEqual(
      expect.arrayContaining(['203.0.113.7', '198.51.100.20']),
    );
  });

  it('a proxy address that is not ours: X-Forwarded-For is ignored and the peer is the client', async () => {
    const t = await startTestServer({ env: { TRUST_PROXY: '10.0.0.0/8, 192.0.2.1', LOGIN_RATE_PER_MINUTE: '2' } });
    servers.push(t);
    expect([await login(t, '203.0.113.7'), await login(t, '198.51.100.20'), await login(t, '198.51.100.21')]).toEqual([
      401, 401, 429,
    ]);
  });

  it('accepts hops or addresses, and refuses "true" or garbage at start', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.1.2.3, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.1.2.3',
      'fd00::/8',
    ]);
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.be' })).toThrow(/TRUST_PROXY/);
  });
});
