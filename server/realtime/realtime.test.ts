import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { eventProblems, openCheckedSocket } from '../../test/helpers/socket';

let t: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
// Every event a test's sockets received kept its schema in shared/api/events.ts.
afterEach(() => {
  expect(sockets.flatMap(eventProblems)).toEqual([]);
});

function open(cookie: string): Socket {
  const s = openCheckedSocket(t.url, cookie);
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

  it('holds every event a test socket receives against its schema: a payload off the contract fails', async () => {
    const admin = new ApiClient(t.url);
    await admin.login('admin');
    // Not in `sockets`: its problems are this test's to read, not afterEach's.
    const s = openCheckedSocket(t.url, admin.cookie);
    try {
      await new Promise((resolve) => s.once('hello', resolve));
      expect(eventProblems(s)).toEqual([]);
      const arrived = () => new Promise((resolve) => s.once('call:updated', resolve));
      let got = arrived();
      // To admins only (the other tests' sockets stay clean): a number where the schema says string, then
      // a field the schema does not describe.
      t.app.services.realtime.publish('call:updated', { id: 7 } as never, ['admin']);
      await got;
      got = arrived();
      t.app.services.realtime.publish('call:updated', { id: 'x', caller: '+32470111222' } as never, ['admin']);
      await got;
      expect(eventProblems(s)).toEqual([
        'call:updated.id: Invalid input: expected string, received number',
        'call:updated.caller: not described in the call:updated schema',
      ]);
    } finally {
      s.close();
    }
  });
});
