// The call log is written in batches after the TwiML is sent (call-log-queue.ts): a burst of signed
// calls over real HTTP is logged whole, once per CallSid, each linked to the previous call from its
// number in arrival order, with its first leg; and a burst while the database restarts is logged too,
// through the journal, once the database answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app';
import type { ManualClock } from '../../clock';
import { createLogger } from '../../logger';
import { signature } from '../../fake-twilio/signing';
import { outageFor, type Outage } from '../../../test/helpers/outage';
import { io as connect } from 'socket.io-client';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';
import { logCall } from './call-log-queue';

const TOKEN = 'call-log-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const env = { TWILIO_ACCOUNT_SID: `AC${'4'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC };

let t: TestServer;
let outage: Outage;
let app: App;
let outageUrl: string;
beforeAll(async () => {
  t = await startTestServer({ env });
  outage = await outageFor(t.db);
  app = createApp({
    config: t.config,
    database: outage.handle,
    clock: t.clock,
    logger: createLogger('silent'),
    clientDir: null,
  });
  outageUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app.close();
  await outage.close();
  await t.close();
});

let counter = 0;
const newSid = () => `CA${(++counter).toString(16).padStart(8, '0')}${'b'.repeat(24)}`;

async function call(base: string, sid: string, from: string) {
  const params = {
    CallSid: sid,
    From: from,
    To: '+3214000000',
    CallStatus: 'ringing',
    AccountSid: env.TWILIO_ACCOUNT_SID,
  };
  const res = await fetch(`${base}/twilio/voice`, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(TOKEN, `${PUBLIC}/twilio/voice`, params),
    },
  });
  return { status: res.status, twiml: await res.text() };
}

const waitFor = async (what: string, ok: () => Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`waited ${ms} ms for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const rowsOf = (sids: string[]) =>
  t.db.db
    .selectFrom('calls')
    .select(['id', 'call_sid', 'from_number', 'previous_call_id', 'started_at', 'step'])
    .where('call_sid', 'in', sids)
    .execute();

describe('the call log after a burst', () => {
  it('logs every call once, in order, each with its first leg and linked to the previous call from its number', async () => {
    const clock = t.clock as ManualClock;
    const numbers = Array.from({ length: 10 }, (_, i) => `+3247011${String(i).padStart(4, '0')}`);
    const waves: { sid: string; from: string }[][] = [];
    for (let w = 0; w < 3; w++) {
      // 60 calls at once: every number calls six times, and Twilio repeats the wave's first request.
      const wave = Array.from({ length: 60 }, (_, i) => ({ sid: newSid(), from: numbers[i % numbers.length]! }));
      const answers = await Promise.all([...wave, wave[0]!].map((c) => call(t.url, c.sid, c.from)));
      expect(answers.every((a) => a.status === 200 && a.twiml.includes('<Dial'))).toBe(true);
      waves.push(wave);
      clock.advance(60_000);
    }
    const sids = waves.flat().map((c) => c.sid);
    await waitFor('every call of the burst in the log', async () => (await rowsOf(sids)).length === sids.length);
    const rows = await rowsOf(sids);
    expect(new Set(rows.map((r) => r.call_sid)).size).toBe(sids.length);
    // Each wave's calls carry the wave's instant.
    for (const [w, wave] of waves.entries()) {
      const times = new Set(
        rows.filter((r) => wave.some((c) => c.sid === r.call_sid)).map((r) => new Date(r.started_at).getTime()),
      );
      expect(times.size).toBe(1);
      if (w > 0) {
        const before = rows.find((r) => r.call_sid === waves[w - 1]![0]!.sid)!;
        expect([...times][0]).toBe(new Date(before.started_at).getTime() + 60_000);
      }
    }
    // Per number: only its very first call links to nothing; every other links to one of its calls of the
    // same wave or the wave before (calls of one instant are in no particular order among themselves).
    const waveOf = new Map(waves.flatMap((wave, w) => wave.map((c) => [c.sid, w] as const)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const number of numbers) {
      const mine = rows.filter((r) => r.from_number === number);
      expect(mine).toHaveLength(18);
      expect(mine.filter((r) => r.previous_call_id === null)).toHaveLength(1);
      expect(waveOf.get(mine.find((r) => r.previous_call_id === null)!.call_sid)).toBe(0);
      for (const r of mine.filter((m) => m.previous_call_id !== null)) {
        const previous = byId.get(r.previous_call_id!)!;
        expect(previous.from_number).toBe(number);
        expect(previous.id).not.toBe(r.id);
        expect(waveOf.get(r.call_sid)! - waveOf.get(previous.call_sid)!).toBeGreaterThanOrEqual(0);
        expect(waveOf.get(r.call_sid)! - waveOf.get(previous.call_sid)!).toBeLessThanOrEqual(1);
      }
      const pointedAt = new Set(mine.map((r) => r.previous_call_id));
      expect(mine.filter((r) => waveOf.get(r.call_sid) === 2 && !pointedAt.has(r.id)).length).toBeGreaterThan(0);
    }
    const legs = await t.db.db
      .selectFrom('call_legs')
      .select(['call_id', 'step', 'status'])
      .where(
        'call_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(legs).toHaveLength(sids.length);
    expect(legs.every((l) => l.step === 0 && l.status === 'ringing')).toBe(true);
  });

  it('logs a burst answered while the database restarts, once it is back, and nothing is left in the journal', async () => {
    outage.cut();
    const burst = Array.from({ length: 40 }, (_, i) => ({
      sid: newSid(),
      from: `+3247022${String(i).padStart(4, '0')}`,
    }));
    const answers = await Promise.all(burst.map((c) => call(outageUrl, c.sid, c.from)));
    expect(answers.every((a) => a.status === 200 && a.twiml.includes('<Dial'))).toBe(true);
    await new Promise((r) => setTimeout(r, 2500)); // past the two seconds after which a webhook is journalled
    outage.restore();
    const sids = burst.map((c) => c.sid);
    await waitFor('the calls answered during the outage in the call log', async () => {
      return (await rowsOf(sids)).length === sids.length;
    });
    await waitFor('an empty journal', async () => app.services.webhookJournal.size === 0);
    const rows = await rowsOf(sids);
    expect(new Set(rows.map((r) => r.call_sid)).size).toBe(sids.length);
    expect(rows.map((r) => r.from_number).sort()).toEqual(burst.map((c) => c.from).sort());
  });

  it('announces a batch to the consoles once, naming its last call', async () => {
    const coordinator = new ApiClient(t.url);
    await coordinator.login('coordinator');
    const socket = connect(t.url, {
      extraHeaders: { cookie: coordinator.cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      await new Promise((resolve) => socket.once('hello', resolve));
      const events: { id: string }[] = [];
      socket.on('call:updated', (e: { id: string }) => events.push(e));
      // Twenty calls in one turn of the event loop make one batch (the queue drains after this turn).
      const plan = { outOfHours: true, chain: [], callerName: null, source: 'database' as const, region: 'kempen' };
      const burst = Array.from({ length: 20 }, (_, i) => ({
        sid: newSid(),
        from: `+3247033${String(i).padStart(4, '0')}`,
      }));
      const at = t.clock.now();
      await Promise.all(burst.map((c) => logCall(t.app.services, { sid: c.sid, from: c.from, to: null, plan, at })));
      const rows = await rowsOf(burst.map((c) => c.sid));
      expect(rows).toHaveLength(20);
      await waitFor('the batch announced', async () => events.length > 0);
      await new Promise((r) => setTimeout(r, 500)); // time for any further event to arrive
      const last = rows.find((r) => r.call_sid === burst[19]!.sid)!;
      expect(events).toEqual([{ id: last.id }]);
    } finally {
      socket.close();
    }
  });
});
