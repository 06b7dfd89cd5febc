import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-10-25T01:30:00Z');
  t = await startTestServer({ clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
});
afterEach(() => t.close());

describe('login', () => {
  it('signs in a demo user, sets an httpOnly strict cookie and /me returns the role', async () => {
    const api = new ApiClient(t.url);
    const res = await api.post('/api/auth/login', { username: 'coordinator', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'coordinator', role: 'coordinator' });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await api.get('/api/auth/me');
    expect(me.body.user.username).toBe('coordinator');
  });

  it('scopes OCMW staff to their municipality', async () => {
    const api = new ApiClient(t.url);
    const res = await api.login('ocmw-turnhout');
    expect(res.body.user).toMatchObject({ role: 'ocmw_staff', municipalities: ['13040'] });
  });

  it('answers 401 without saying whether the username or the password was wrong', async () => {
    const api = new ApiClient(t.url);
    const wrongPassword = await api.post('/api/auth/login', { username: 'coordinator', password: 'nope' });
    const unknownUser = await api.post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.error).toBe(unknownUser.body.error);
    expect(api.cookie).toBe('');
  });

  it('delays one username from one address after repeated failures, doubling, and says when to try again', async () => {
    // LOGIN_MAX_FAILURES 3: the 3rd failure of the pair waits 1 minute, the 4th 2, the 5th 4.
    const api = new ApiClient(t.url);
    for (let i = 0; i < 2; i++)
      expect((await api.post('/api/auth/login', { username: 'admin', password: 'x' })).status).toBe(401);
    const third = await api.post('/api/auth/login', { username: 'admin', password: 'x' });
    expect(third.status).toBe(429);
    expect(third.body.retryAfterSeconds).toBe(60);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(third.body.error).toMatch(/Try again after \d\d:\d\d/);
    // Even the right password waits, from this address.
    const waiting = await api.post('/api/auth/login', { username: 'admin', password: 'demo' });
    expect(waiting.status).toBe(429);
    expect(waiting.body.retryAfterSeconds).toBe(60);
    clock.advance(61_000);
    expect((await api.post('/api/auth/login', { username: 'admin', password: 'x' })).body.retryAfterSeconds).toBe(120);
    clock.advance(121_000);
    expect((await api.post('/api/auth/login', { username: 'admin', password: 'x' })).body.retryAfterSeconds).toBe(240);
    clock.advance(241_000);
    expect((await api.post('/api/auth/login', { username: 'admin', password: 'demo' })).status).toBe(200);
    // A success forgets the pair's failures: two new ones are free again.
    for (let i = 0; i < 2; i++)
      expect((await api.post('/api/auth/login', { username: 'admin', password: 'x' })).status).toBe(401);
  });

  it('five addresses guessing a username do not keep the right password out from a sixth', async () => {
    for (let i = 2; i <= 6; i++) {
      const attacker = new ApiClient(t.url, `127.0.0.${i}`);
      expect((await attacker.post('/api/auth/login', { username: 'permanentie', password: 'guess' })).status).toBe(401);
    }
    const worker = new ApiClient(t.url, '127.0.0.7');
    expect((await worker.post('/api/auth/login', { username: 'permanentie', password: 'demo' })).status).toBe(200);
  });

  it('locks an address that fails on many usernames (four times LOGIN_MAX_FAILURES) for LOGIN_LOCKOUT_MINUTES', async () => {
    const bot = new ApiClient(t.url, '127.0.0.9');
    const names = Array.from({ length: 12 }, (_, i) => `user${i}`);
    for (const [i, name] of names.entries()) {
      const res = await bot.post('/api/auth/login', { username: name, password: 'x' });
      expect(res.status).toBe(i < 11 ? 401 : 429);
    }
    const blocked = await bot.post('/api/auth/login', { username: 'coordinator', password: 'demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.retryAfterSeconds).toBe(15 * 60);
    // The same account from another address is not affected.
    expect(
      (await new ApiClient(t.url, '127.0.0.10').post('/api/auth/login', { username: 'coordinator', password: 'demo' }))
        .status,
    ).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect((await bot.post('/api/auth/login', { username: 'coordinator', password: 'demo' })).status).toBe(200);
  });

  it("forgets a pair's failures after a day without one", async () => {
    const api = new ApiClient(t.url);
    await api.post('/api/auth/login', { username: 'admin', password: 'x' });
    await api.post('/api/auth/login', { username: 'admin', password: 'x' });
    clock.advance(24 * 3_600_000 + 1000);
    expect((await api.post('/api/auth/login', { username: 'admin', password: 'x' })).status).toBe(401);
  });

  it('rotates the session at login and logout ends it', async () => {
    const api = new ApiClient(t.url);
    await api.login('permanentie');
    const first = api.cookie;
    await api.login('permanentie');
    expect(api.cookie).not.toBe(first);
    const stale = new ApiClient(t.url);
    stale.cookie = first;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    expect(api.cookie).toBe('');
    const reuse = new ApiClient(t.url);
    reuse.cookie = first;
    expect((await reuse.get('/api/auth/me')).status).toBe(401);
  });

  it('expires sessions after the configured lifetime', async () => {
    const api = new ApiClient(t.url);
    await api.login('permanentie');
    clock.advance(t.config.sessionTtlHours * 3_600_000 + 1000);
    expect((await api.get('/api/auth/me')).status).toBe(401);
  });

  it('audits sign-ins and failed sign-ins', async () => {
    const api = new ApiClient(t.url);
    await api.post('/api/auth/login', { username: 'admin', password: 'wrong' });
    await api.login('admin');
    const log = await api.get('/api/audit?subjectType=session');
    expect(log.status).toBe(200);
    const actions = log.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['login', 'login_failed']);
  });

  it('refuses state changes without the CSRF header', async () => {
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/x-requested-with/);
  });
});
