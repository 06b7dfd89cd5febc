// Sessions end live access: logout, expiry, a password change and a role change disconnect the sockets
// at once; the handshake refuses a browser from another site (Origin other than PUBLIC_URL).
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

const PUBLIC = 'https://desk.example.be';
let t: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer({ env: { PUBLIC_URL: PUBLIC, SESSION_TTL_HOURS: '16' } });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

function open(cookie: string, origin?: string): Socket {
  const s = connect(t.url, {
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(s);
  return s;
}
const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once('hello', () => resolve());
    s.once('connect_error', reject);
  });
const disconnected = (s: Socket) => new Promise<string>((resolve) => s.once('disconnect', resolve));
const signedIn = async (username: string) => {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
};
const idOf = async (c: ApiClient) => (await c.get('/api/auth/me')).body.user.id as string;

describe('sockets end with their session', () => {
  it("logout disconnects that session's sockets, not the same user's other session", async () => {
    const tab = await signedIn('an.peeters');
    const phone = await signedIn('an.peeters');
    const a = open(tab.cookie);
    const b = open(phone.cookie);
    await Promise.all([connected(a), connected(b)]);
    const gone = disconnected(a);
    await tab.post('/api/auth/logout');
    expect(await gone).toBe('io server disconnect');
    expect(b.connected).toBe(true);
    const later: unknown[] = [];
    a.on('call:updated', (p) => later.push(p));
    const delivered = new Promise((resolve) => b.once('call:updated', resolve));
    t.app.services.realtime.publish('call:updated', { id: 'one' });
    await delivered;
    expect(later).toEqual([]);
  });

  it('a password change and a role change disconnect every socket of that user and end the sessions', async () => {
    const admin = await signedIn('admin');
    for (const change of [{ password: 'a-new-long-passphrase' }, { role: 'coordinator' }]) {
      const worker = await signedIn(change.password ? 'jan.janssens' : 'permanentie');
      const s = open(worker.cookie);
      await connected(s);
      const gone = disconnected(s);
      const res = await admin.request('PATCH', `/api/users/${await idOf(worker)}`, change);
      expect(res.status, JSON.stringify(res.body)).toBe(204);
      expect(await gone).toBe('io server disconnect');
      expect((await worker.get('/api/auth/me')).status).toBe(401);
    }
    expect(
      (
        await new ApiClient(t.url).post('/api/auth/login', {
          username: 'jan.janssens',
          password: 'a-new-long-passphrase',
        })
      ).status,
    ).toBe(200);
  });

  it("an expired session is disconnected by the sweep, by the desk's clock", async () => {
    const clock = t.clock as ManualClock;
    const worker = await signedIn('coordinator');
    const s = open(worker.cookie);
    await connected(s);
    t.app.services.realtime.sweepExpired();
    expect(s.connected).toBe(true);
    const gone = disconnected(s);
    clock.set(new Date(clock.now().getTime() + 16 * 3_600_000 + 1000));
    t.app.services.realtime.sweepExpired();
    expect(await gone).toBe('io server disconnect');
  });
});

describe('the handshake checks Origin', () => {
  it('refuses a browser from another site and accepts PUBLIC_URL', async () => {
    const worker = await signedIn('coordinator');
    const evil = open(worker.cookie, 'https://evil.example');
    await expect(connected(evil)).rejects.toThrow('origin not allowed');
    await connected(open(worker.cookie, PUBLIC));
    await connected(open(worker.cookie, t.url)); // the console served by this very host
    await expect(connected(open(worker.cookie, 'http://127.0.0.1:1'))).rejects.toThrow('origin not allowed');
  });
});
