import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

function open(cookie: string): Socket {
  const s = connect(t.url, { extraHeaders: cookie ? { cookie } : {}, transports: ['websocket'], reconnection: false });
  sockets.push(s);
  return s;
}

describe('realtime', () => {
  it('greets a signed-in console and delivers published events by role', async () => {
    const coordinator = new ApiClient(t.url);
    await coordinator.login('coordinator');
    const ocmw = new ApiClient(t.url);
    await ocmw.login('ocmw-turnhout');
    const a = open(coordinator.cookie);
    const b = open(ocmw.cookie);
    // Both listeners first: b's greeting may arrive while we wait for a's.
    const helloA = new Promise<{ user: { role: string } }>((resolve) => a.once('hello', resolve));
    const helloB = new Promise((resolve) => b.once('hello', resolve));
    expect((await helloA).user.role).toBe('coordinator');
    await helloB;

    const gotByOcmw: unknown[] = [];
    b.on('call:updated', (p) => gotByOcmw.push(p));
    const received = new Promise((resolve) => a.once('call:updated', resolve));
    t.app.services.realtime.publish('call:updated', { id: 'one' }, ['coordinator']);
    expect(await received).toEqual({ id: 'one' });
    t.app.services.realtime.publish('call:updated', { id: 'two' });
    await new Promise((resolve) => b.once('call:updated', resolve));
    expect(gotByOcmw).toEqual([{ id: 'two' }]);
  });

  it('refuses a socket without a session', async () => {
    const s = open('');
    const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
    expect(err.message).toBe('not signed in');
  });
});
