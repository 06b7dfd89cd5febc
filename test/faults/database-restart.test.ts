// The database restarts in the middle of a night: the phone line keeps answering from its cache,
// the consoles hear at once that the database is down and that it is back, nothing the line wrote
// is lost (it is journalled and replayed), and the instance recovers without a restart.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { createLogger } from '../../server/logger';
import { signature } from '../../server/fake-twilio/signing';
import { outageFor, type Outage } from '../helpers/outage';
import { ApiClient, startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let outage: Outage;
let app: App;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer();
  outage = await outageFor(t.db);
  app = createApp({
    config: t.config,
    database: outage.handle,
    clock: t.clock,
    logger: createLogger('silent'),
    clientDir: null,
  });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await app.close();
  await outage.close();
  await t.close();
});

const waitFor = async (what: string, ok: () => Promise<boolean> | boolean, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`waited ${ms} ms for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function incomingCall(callSid: string, from: string) {
  const params = {
    CallSid: callSid,
    From: from,
    To: '+3214000000',
    CallStatus: 'ringing',
    AccountSid: `AC${'0'.repeat(32)}`,
  };
  const res = await fetch(`${url}/twilio/voice`, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(t.config.twilio.authTokens[0]!, `${t.config.publicUrl}/twilio/voice`, params),
    },
  });
  return { status: res.status, twiml: await res.text() };
}

it('keeps answering calls, shows the outage live, writes every call afterwards and recovers without a restart', async () => {
  const coordinator = new ApiClient(url);
  await coordinator.login('coordinator');
  const primary = (await coordinator.get('/api/oncall/now')).body.primary;
  expect(primary.phone).toMatch(/^\+32/);
  expect((await incomingCall(`CA${'a'.repeat(32)}`, '+32470000001')).twiml).toContain(primary.phone); // the rota is in memory now

  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie: coordinator.cookie } });
  sockets.push(socket);
  const health: string[] = [];
  const board: unknown[] = [];
  socket.on('health:changed', (p: { database: string }) => health.push(p.database));
  socket.on('board:changed', (p) => board.push(p));
  await waitFor('socket connected', () => socket.connected);

  outage.cut(); // PostgreSQL restarts: every connection dropped, new ones refused
  const during = [1, 2, 3, 4, 5].map((n) => `CA${String(n).repeat(32)}`); // Twilio's shape: CA + 32 hex
  for (const [i, sid] of during.entries()) {
    const answer = await incomingCall(sid, `+3247000001${i}`);
    expect(answer.status).toBe(200);
    expect(answer.twiml).toContain('<Dial');
    expect(answer.twiml).toContain(primary.phone);
  }
  await waitFor('a "database down" event', () => health.includes('down'));
  expect((await fetch(`${url}/healthz`)).status).toBe(503);
  const refused = await coordinator.post('/api/hotels/ask');
  expect(refused.status).toBe(503);
  expect(refused.body.error).toMatch(/does not answer.*Nothing was saved/);

  outage.restore();
  await waitFor('a "database back" event', () => health.at(-1) === 'ok');
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  await waitFor('the calls answered during the outage in the call log', async () => {
    const rows = await t.db.db.selectFrom('calls').select('call_sid').where('call_sid', 'in', during).execute();
    return rows.length === during.length;
  });
  const logged = await t.db.db
    .selectFrom('calls')
    .select(['call_sid', 'started_at', 'from_number'])
    .where('call_sid', 'in', during)
    .orderBy('call_sid')
    .execute();
  expect(logged.map((c) => c.from_number)).toEqual(during.map((_, i) => `+3247000001${i}`));
  expect(logged.every((c) => new Date(c.started_at).getTime() === t.clock.now().getTime())).toBe(true);

  // Without a restart: writes work again and their events arrive; on PostgreSQL the write goes to the
  // other instance, so the event crosses the socket.io adapter, which reconnected by itself.
  const worker = new ApiClient(t.db.url ? t.url : url);
  await worker.login('permanentie');
  const place = ((await worker.get('/api/board')).body.places as { id: string; free: number; type: string }[]).find(
    (p) => p.free > 0 && p.type !== 'hotel',
  )!;
  expect(
    (
      await worker.post('/api/holds', {
        placeId: place.id,
        initials: 'A.B.',
        household: { adults: 1, children: 0, needs: [] },
      })
    ).status,
  ).toBe(201);
  await waitFor('the board event', () => board.length > 0);
  expect(app.services.webhookJournal.size).toBe(0);
});
