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

  it("publishToRegion reaches the region's roles and the OCMW's staff; no region and no OCMW reaches nobody", async () => {
    const coordinator = new ApiClient(t.url);
    await coordinator.login('coordinator');
    const ocmw = new ApiClient(t.url);
    await ocmw.login('ocmw-turnhout'); // OCMW Turnhout: 13040
    const a = open(coordinator.cookie);
    const b = open(ocmw.cookie);
    await Promise.all([a, b].map((s) => new Promise((resolve) => s.once('hello', resolve))));
    const got = { a: [] as string[], b: [] as string[] };
    a.on('handoffs:changed', (p) => got.a.push(p.id));
    b.on('handoffs:changed', (p) => got.b.push(p.id));
    const { realtime } = t.app.services;
    // socket.io sends to everyone when given no room: an audience of no region and no OCMW must not become that.
    realtime.publishToRegion([], 'handoffs:changed', { id: 'nobody' }, ['coordinator', 'ocmw_staff'], []);
    realtime.publishToRegion('kempen', 'handoffs:changed', { id: 'desk' }, ['coordinator']);
    realtime.publishToRegion([], 'handoffs:changed', { id: 'ocmw' }, ['coordinator'], ['13040']);
    // The barrier: to both, after the others. On PGlite one instance emits in order, so a leak would come
    // before it; on PostgreSQL the adapter emits each event after its NOTIFY, so emits made in one go may swap:
    // there the barrier waits for what each must hear too, and the order is not compared.
    const heardAll = (s: Socket, ids: string[]) =>
      new Promise<void>((resolve) => {
        const seen = new Set<string>();
        s.on('handoffs:changed', (p: { id: string }) => {
          seen.add(p.id);
          if (ids.every((id) => seen.has(id))) resolve();
        });
      });
    const done = Promise.all([heardAll(a, ['desk', 'barrier']), heardAll(b, ['ocmw', 'barrier'])]);
    realtime.publish('handoffs:changed', { id: 'barrier' }, ['coordinator', 'ocmw_staff']);
    await done;
    const order = (ids: string[]) => (process.env.TEST_DATABASE_URL ? [...ids].sort() : ids);
    expect(order(got.a)).toEqual(order(['desk', 'barrier']));
    expect(order(got.b)).toEqual(order(['ocmw', 'barrier']));
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
