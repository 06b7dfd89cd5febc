// Security hardening that is not a route's own business: rate limits on sign-in and webhooks, JSON
// that cannot carry markup, and logs without secrets.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

const TOKEN = 'secret-auth-token-for-the-log-test';
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestServer;
let coordinator: ApiClient;
beforeAll(async () => {
  t = await startTestServer({
    logger: createLogger('trace', sink),
    env: { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, LOGIN_RATE_PER_MINUTE: '9' },
  });
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator'); // the first of the 9 sign-ins this address may make this minute
});
afterAll(() => t.close());

describe('rate limits', () => {
  it('limits sign-in attempts from one address, with a message to act on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push(
        (await new ApiClient(t.url).post('/api/auth/login', { username: `nobody${i}`, password: 'wrong-password' }))
          .status,
      );
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
    const res = await new ApiClient(t.url).post('/api/auth/login', { username: 'permanentie', password: 'demo' });
    expect(res.status).toBe(429);
    expect(res.body.error).toMatch(/wait a minute/);
  });

  it('limits refused webhook requests from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${t.url}/twilio/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'CallSid=CAforged',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 403)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('output and logs', () => {
  it('escapes markup in every JSON answer', async () => {
    const res = await fetch(`${t.url}/api/places`, {
      method: 'POST',
      body: JSON.stringify({ '<script>alert(1)</script>': 1 }),
      headers: { cookie: coordinator.cookie, 'content-type': 'application/json', 'x-requested-with': 'permanentie' },
    });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\u003cscript\\u003e');
  });

  it('never writes passwords, session tokens or the Twilio token to the log', async () => {
    const fresh = await startTestServer({
      logger: createLogger('trace', sink),
      env: { TWILIO_ACCOUNT_SID: `AC${'2'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN },
    });
    try {
      const c = new ApiClient(fresh.url);
      await c.post('/api/auth/login', { username: 'permanentie', password: 'hunter2-wrong-password' });
      await c.login('permanentie');
      await fetch(`${fresh.url}/twilio/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
        body: 'CallSid=CA1',
      });
      fresh.app.services.logger.info(
        { config: fresh.config, password: 'hunter2-wrong-password' },
        'a careless log line',
      );
      const log = lines.join('');
      expect(log).toContain('a careless log line');
      expect(log).toContain('twilio webhook with a bad or missing signature refused');
      expect(log).not.toContain('hunter2-wrong-password');
      expect(log).not.toContain(TOKEN);
      expect(log).not.toContain(c.cookie.split('=')[1]!);
    } finally {
      await fresh.close();
    }
  });
});
