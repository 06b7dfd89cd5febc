// Texts per region (issue 15): a text to a region's permanence number, and a text the desk sends for a region
// (an alarm for its call, a forward of its text), is listed and announced to that region's desk only; a text of
// no region (deployment-wide) to every desk. Two regions in one instance, webhooks signed by the fake Twilio
// network, a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';
import { missedCall as loggedMissedCall } from '../../../test/helpers/missed-call';
import { eventProblems, openCheckedSocket } from '../../../test/helpers/socket';
import { enqueueSms } from '../outbox/enqueue';
import { processOutboxOnce } from '../outbox/worker';
import { REFERRER_KIND } from '../../referrer/confirmation';

const SID = `AC${'7'.repeat(32)}`;
const TOKEN = 'sms-regions-token-0123';
const PUBLIC = 'https://desk.example.be';
const KEMPEN_LINE = '+3214000000';
const BML_LINE = '+3215000000';

let t: TestServer;
let fake: FakeTwilio;
const as: Record<string, ApiClient> = {};
const sockets: Socket[] = [];
beforeAll(async () => {
  // No TWILIO_PHONE_NUMBER: the outbox keeps its texts as 'sandbox' (never sent), and still announces them.
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: KEMPEN_LINE,
  });
  for (const u of ['coordinator', 'coordinator-bml']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
afterEach(() => {
  expect(sockets.flatMap(eventProblems)).toEqual([]);
});

const kempen = () => as.coordinator!;
const bml = () => as['coordinator-bml']!;
let n = 0;

/** A stranger's text to `line`, as Twilio posts it; the stored text's id. */
async function textTo(line: string, from: string, body: string): Promise<string> {
  const sid = `SM${(++n).toString(16).padStart(32, '0')}`;
  expect((await fake.sendSigned('/twilio/sms', { MessageSid: sid, From: from, To: line, Body: body })).status).toBe(
    200,
  );
  return (await t.db.db.selectFrom('sms_inbound').select('id').where('message_sid', '=', sid).executeTakeFirstOrThrow())
    .id;
}

const inbox = async (c: ApiClient) => (await c.get('/api/sms')).body.messages.map((m: { id: string }) => m.id);
const outbox = async (c: ApiClient) => (await c.get('/api/outbox')).body.messages.map((m: { id: string }) => m.id);

/** A call to a region's number that rang nobody, and its alarm texts' ids. */
async function missedCall(region: string, from: string): Promise<string[]> {
  const id = await loggedMissedCall(t, region, from);
  const texts = await t.db.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', `alarm:${id}:%`).execute();
  expect(texts.length).toBeGreaterThan(0);
  return texts.map((r) => r.id);
}

/** A console signed in as `c`, greeted; collects the ids of `event`. */
async function console_(c: ApiClient, event: 'sms:received' | 'outbox:changed') {
  const s = openCheckedSocket(t.url, c.cookie);
  sockets.push(s);
  await new Promise((resolve) => s.once('hello', resolve));
  const ids: string[] = [];
  const waiting: { id: string; resolve: () => void }[] = [];
  s.on(event, (p: { id: string }) => {
    ids.push(p.id);
    for (const w of waiting) if (w.id === p.id) w.resolve();
  });
  return {
    ids,
    heard: (id: string) =>
      ids.includes(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ id, resolve })),
  };
}

describe('texts per region', () => {
  it("a text to BML's number is listed for BML's desk and not the Kempen's, and the other way round", async () => {
    const toBml = await textTo(BML_LINE, '+32499200001', 'Politie Mechelen: man aan station');
    const toKempen = await textTo(KEMPEN_LINE, '+32499200002', 'Politie Geel: vrouw aan kerk');
    expect(await inbox(bml())).toContain(toBml);
    expect(await inbox(bml())).not.toContain(toKempen);
    expect(await inbox(kempen())).toContain(toKempen);
    expect(await inbox(kempen())).not.toContain(toBml);
    // Its forward to the region's duty worker is that region's too.
    const forwardOf = async (body: string) =>
      (
        await t.db.db
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', 'forward')
          .where('body', 'like', `%${body}`)
          .executeTakeFirstOrThrow()
      ).id;
    const bmlForward = await forwardOf('man aan station');
    expect(await outbox(bml())).toContain(bmlForward);
    expect(await outbox(kempen())).not.toContain(bmlForward);
  });

  it("an alarm text for a BML call is in BML's outbox, not the Kempen's; a text of no region in both", async () => {
    const alarm = await missedCall('boom-mechelen-lier', '+32499200003');
    const bmlOut = await outbox(bml());
    const kempenOut = await outbox(kempen());
    for (const id of alarm) {
      expect(bmlOut).toContain(id);
      expect(kempenOut).not.toContain(id);
    }
    const wide = await enqueueSms(t.db.db, t.app.services.clock.now(), {
      to: '+32499200004',
      body: 'Permanentie: een tekst van geen regio',
      kind: 'security',
    });
    expect(await outbox(bml())).toContain(wide!.id);
    expect(await outbox(kempen())).toContain(wide!.id);
  });

  it("a referrer's text waiting to leave is stopped by its region's desk only", async () => {
    const now = t.app.services.clock.now();
    const text = (await enqueueSms(t.db.db, now, {
      to: '+32499200011',
      body: 'Uw aanmelding: plaats gevonden',
      kind: REFERRER_KIND,
      notBefore: new Date(now.getTime() + 30_000),
      region: 'boom-mechelen-lier',
    }))!.id;
    expect((await kempen().post(`/api/referrer-sms/${text}/cancel`)).status).toBe(404);
    const stopped = await bml().post(`/api/referrer-sms/${text}/cancel`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ id: text, status: 'cancelled' });
  });

  it("sms:received goes to the texted region's consoles only", async () => {
    const [k, b] = [await console_(kempen(), 'sms:received'), await console_(bml(), 'sms:received')];
    const bml1 = await textTo(BML_LINE, '+32499200005', 'een');
    const kempen1 = await textTo(KEMPEN_LINE, '+32499200006', 'twee'); // the Kempen's barrier
    const bml2 = await textTo(BML_LINE, '+32499200007', 'drie'); // BML's barrier
    await Promise.all([k.heard(kempen1), b.heard(bml1), b.heard(bml2)]);
    expect(k.ids).not.toContain(bml1);
    expect(b.ids).not.toContain(kempen1);
  });

  it("outbox:changed goes to the text's region's consoles only, a text of no region's to all", async () => {
    const [k, b] = [await console_(kempen(), 'outbox:changed'), await console_(bml(), 'outbox:changed')];
    const send = () => processOutboxOnce(t.app.services);
    while ((await send()) > 0) {
      /* what earlier tests queued */
    }
    const bmlAlarm = await missedCall('boom-mechelen-lier', '+32499200008');
    await send();
    const kempenAlarm = await missedCall('kempen', '+32499200009'); // the Kempen's barrier
    await send();
    const wide = (await enqueueSms(t.db.db, t.app.services.clock.now(), {
      to: '+32499200010',
      body: 'Permanentie: nog een tekst van geen regio',
      kind: 'security',
    }))!.id; // BML's barrier, and heard by both
    await send();
    await Promise.all([...kempenAlarm, wide].map((id) => k.heard(id)));
    await Promise.all([...bmlAlarm, wide].map((id) => b.heard(id)));
    for (const id of bmlAlarm) expect(k.ids).not.toContain(id);
    for (const id of kempenAlarm) expect(b.ids).not.toContain(id);
  });
});
