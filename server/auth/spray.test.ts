// Password spraying: failures on one username from several addresses reach the coordinator (console
// event and banner list, one SMS per username per hour), and the username itself stays usable.
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let clock: ManualClock;
let socket: Socket | null = null;
beforeEach(async () => {
  clock = new ManualClock('2026-10-25T01:30:00Z');
  t = await startTestServer({ clock, env: { LOGIN_SPRAY_ADDRESSES: '3', LOGIN_SPRAY_WINDOW_MINUTES: '60' } });
});
afterEach(async () => {
  socket?.close();
  await t.close();
});

const guess = (i: number, username = 'permanentie') =>
  new ApiClient(t.url, `127.0.0.${i}`).post('/api/auth/login', { username, password: 'guess' });
const securitySms = () =>
  t.db.db.selectFrom('outbox').select(['to_number', 'body']).where('kind', '=', 'security').execute();

describe('password spraying', () => {
  it('tells the coordinator once per hour by SMS and live in the console when three addresses fail on one username', async () => {
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    const onCall = (await lead.get('/api/oncall/now')).body.coordinator;
    expect(onCall?.phone).toMatch(/^\+32/);
    socket = connect(t.url, { extraHeaders: { cookie: lead.cookie }, transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket!.once('hello', resolve));
    const events: { username: string; addresses: number }[] = [];
    socket.on('auth:spray', (e) => events.push(e));

    await guess(2);
    await guess(3);
    expect(await securitySms()).toEqual([]);
    const third = new Promise((resolve) => socket!.once('auth:spray', resolve));
    await guess(4);
    expect(await third).toMatchObject({ username: 'permanentie', addresses: 3 });
    await guess(5);
    const sms = await securitySms();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to_number: onCall.phone });
    expect(sms[0]!.body).toMatch(/gebruikersnaam "permanentie" vanaf 3 adressen/);

    const listed = await lead.get('/api/auth/sprays');
    expect(listed.body.sprays).toEqual([expect.objectContaining({ username: 'permanentie', addresses: 4 })]);
    // The right password still works from the worker's own address.
    expect(
      (await new ApiClient(t.url, '127.0.0.20').post('/api/auth/login', { username: 'permanentie', password: 'demo' }))
        .status,
    ).toBe(200);

    clock.advance(3_600_000); // the next hour: the earlier failures are out of the window, so a new spray
    for (const i of [6, 7, 8]) await guess(i);
    expect(await securitySms()).toHaveLength(2);
    expect(events.length).toBeGreaterThanOrEqual(3);
  });

  it('does not alert for two addresses or for a username that does not exist, and only leads see the list', async () => {
    await guess(2);
    await guess(3);
    for (const i of [2, 3, 4, 5]) await guess(i, 'nobody.here');
    expect(await securitySms()).toEqual([]);
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    expect((await lead.get('/api/auth/sprays')).body.sprays).toEqual([]);
    const worker = new ApiClient(t.url);
    await worker.login('an.peeters');
    expect((await worker.get('/api/auth/sprays')).status).toBe(403);
  });
});
