// The outbox against Twilio's REST API as msw stands it in (test/fake-twilio/rest.ts), on a real database.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../clock';
import { FakeTwilio, twilioRest } from '../../../test/fake-twilio';
import { startTestServer, type TestServer } from '../../../test/helpers/server';
import { enqueueSms } from './enqueue';
import { processOutboxOnce, STUCK_MS } from './worker';

const SID = `AC${'4'.repeat(32)}`;
const TOKEN = 'outbox-test-token-0123';
const API = 'https://api.twilio.test';
const PUBLIC = 'https://desk.example.be';
const rest = twilioRest({ accountSid: SID, authToken: TOKEN, apiUrl: API });
let t: TestServer;
let fake: FakeTwilio;

beforeAll(async () => {
  rest.start();
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      TWILIO_API_URL: API,
      PUBLIC_URL: PUBLIC,
      TWILIO_TIMEOUT_MS: '300',
    },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
});
afterAll(async () => {
  await t.close();
  rest.stop();
});
beforeEach(() => rest.reset());
afterEach(async () => {
  await t.db.db.deleteFrom('outbox').execute();
});

const clock = () => t.clock as ManualClock;
const enqueue = (body: string) => enqueueSms(t.db.db, clock().now(), { to: '+32470112233', body, kind: 'test' });
const row = async (id: string) =>
  t.db.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the outbox', () => {
  it('sends a message once, with the status callback that names it', async () => {
    const { id } = (await enqueue('hallo'))!;
    expect(await processOutboxOnce(t.app.services)).toBe(1);
    expect(await processOutboxOnce(t.app.services)).toBe(0);
    expect(rest.messages).toHaveLength(1);
    expect(rest.messages[0]).toMatchObject({
      to: '+32470112233',
      from: '+3214000000',
      body: 'hallo',
      statusCallback: `${PUBLIC}/twilio/sms/status?outbox=${id}`,
    });
    expect(await row(id)).toMatchObject({ status: 'sent', message_sid: rest.messages[0]!.sid, attempts: 1 });
  });

  it('retries a 500 and a timeout after the backoff, and sends once', async () => {
    const { id } = (await enqueue('opnieuw'))!;
    rest.failNext(1, 500);
    await processOutboxOnce(t.app.services);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await processOutboxOnce(t.app.services)).toBe(0); // not before the backoff
    clock().advance(15_000);
    rest.failNext(1, 'network');
    await processOutboxOnce(t.app.services);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 2 });
    clock().advance(30_000);
    await processOutboxOnce(t.app.services);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(rest.messages).toHaveLength(1);
  });

  it("fails a 400 at once, with Twilio's message", async () => {
    const { id } = (await enqueue('fout'))!;
    rest.failNext(1, { code: 21211, message: "The 'To' number is not a valid phone number." });
    await processOutboxOnce(t.app.services);
    expect(await row(id)).toMatchObject({ status: 'failed' });
    expect((await row(id)).last_error).toMatch(/not a valid phone number/);
  });

  it('two rounds at once never send a row twice', async () => {
    for (let i = 0; i < 6; i++) await enqueue(`bericht ${i}`);
    await Promise.all([
      processOutboxOnce(t.app.services),
      processOutboxOnce(t.app.services),
      processOutboxOnce(t.app.services),
    ]);
    expect(rest.messages.map((m) => m.body).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `bericht ${i}`));
  });

  it("a send interrupted by a crash is sent again later, unless Twilio's callback shows it went out", async () => {
    const a = (await enqueue('onderbroken'))!;
    const b = (await enqueue('toch verstuurd'))!;
    // What a crash mid-request leaves behind: rows in 'sending'; for b, Twilio's callback arrives anyway.
    await t.db.db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: 1, updated_at: clock().now() })
      .where('id', 'in', [a.id, b.id])
      .execute();
    await fake.messageStatus({ sid: `SM${'5'.repeat(32)}`, to: '+32470112233', from: null }, 'sent', {
      url: `/twilio/sms/status?outbox=${b.id}`,
    });
    await processOutboxOnce(t.app.services);
    expect(rest.messages).toHaveLength(0); // too early to tell
    clock().advance(STUCK_MS + 1000);
    await processOutboxOnce(t.app.services);
    expect(rest.messages.map((m) => m.body)).toEqual(['onderbroken']);
    expect((await row(b.id)).message_sid).toBe(`SM${'5'.repeat(32)}`);
  });

  it("a send that died after Twilio took it, with no callback, is recorded from Twilio's list, not sent twice", async () => {
    const { id } = (await enqueue('al verstuurd'))!;
    await processOutboxOnce(t.app.services);
    const sid = rest.messages[0]!.sid;
    // The process died between Twilio's answer and recording it, and the callback never came.
    await t.db.db
      .updateTable('outbox')
      .set({ status: 'sending', message_sid: null, sent_at: null, updated_at: clock().now() })
      .where('id', '=', id)
      .execute();
    clock().advance(STUCK_MS + 1000);
    await processOutboxOnce(t.app.services);
    await processOutboxOnce(t.app.services);
    expect(rest.messages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', message_sid: sid });
  });

  it('status callbacks only move forward, and a temporary error is sent again', async () => {
    const { id } = (await enqueue('status'))!;
    await processOutboxOnce(t.app.services);
    const msg = rest.messages[0]!;
    const url = `/twilio/sms/status?outbox=${id}`;
    await fake.messageStatus(msg, 'delivered', { url });
    await fake.messageStatus(msg, 'sent', { url });
    expect((await row(id)).status).toBe('delivered');

    const other = (await enqueue('tijdelijk'))!;
    await processOutboxOnce(t.app.services);
    await fake.messageStatus(rest.messages[1]!, 'undelivered', {
      url: `/twilio/sms/status?outbox=${other.id}`,
      errorCode: 30008,
    });
    expect(await row(other.id)).toMatchObject({ status: 'queued', message_sid: null });
    clock().advance(20_000);
    await processOutboxOnce(t.app.services);
    expect(rest.messages.filter((m) => m.body === 'tijdelijk')).toHaveLength(2);
  });
});

describe('in the demo (no credentials)', () => {
  it('keeps messages in the outbox as sandbox and calls nothing', async () => {
    const demo = await startTestServer();
    try {
      const { id } = (await enqueueSms(demo.db.db, demo.clock.now(), {
        to: '+32470112233',
        body: 'demo',
        kind: 'test',
      }))!;
      await processOutboxOnce(demo.app.services);
      expect(
        (await demo.db.db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      ).toBe('sandbox');
      expect(rest.log).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});

describe('Twilio down for a stretch', () => {
  it('delivers every queued SMS afterwards, exactly once, with two instances sending', async () => {
    const { startSecondInstance } = await import('../../../test/helpers/second-instance');
    const second = await startSecondInstance(t);
    try {
      const ids = [];
      for (let i = 0; i < 25; i++) ids.push((await enqueue(`bericht ${i}`))!.id);
      // An hour of 5xx, rate limits, dropped connections and requests that never answer.
      for (const f of [429, 'network', 'timeout', 500] as const) rest.failNext(10, f);
      rest.failNext(100_000, 503); // until heal()
      for (let minute = 0; minute < 60; minute++) {
        await Promise.all([processOutboxOnce(t.app.services), processOutboxOnce(second.app.services)]);
        clock().advance(60_000);
      }
      expect(rest.messages).toHaveLength(0);
      rest.heal(); // Twilio is back
      for (let round = 0; round < 30; round++) {
        await Promise.all([processOutboxOnce(t.app.services), processOutboxOnce(second.app.services)]);
        clock().advance(60_000);
      }
      const rows = await t.db.db.selectFrom('outbox').select(['id', 'status']).where('id', 'in', ids).execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const sentFor = rest.messages.map((m) => new URL(m.statusCallback!).searchParams.get('outbox'));
      expect(sentFor.sort()).toEqual([...ids].sort());
    } finally {
      await second.close();
    }
  });
});
