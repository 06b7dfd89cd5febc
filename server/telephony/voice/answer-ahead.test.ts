// The incoming call's TwiML comes from memory (LastKnownRota.answer, computed ahead at each edge): a rota
// change is in the very next call's answer, and a shift that ends inside the repeated hour of the
// October DST night ends at the exact instant, on the project's clock, for the cached answer too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../clock';
import { signature } from '../../fake-twilio/signing';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';

const TOKEN = 'answer-ahead-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const env = { TWILIO_ACCOUNT_SID: `AC${'6'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC };

let t: TestServer;
let coordinator: ApiClient;
let clock: ManualClock;
beforeAll(async () => {
  t = await startTestServer({ env });
  clock = t.clock as ManualClock;
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator');
});
afterAll(() => t.close());

let counter = 0;
async function dialled(from = '+32470999001'): Promise<string> {
  const params = {
    CallSid: `CA${(++counter).toString(16).padStart(8, '0')}${'c'.repeat(24)}`,
    From: from,
    To: '+3214000000',
    CallStatus: 'ringing',
  };
  const res = await fetch(`${t.url}/twilio/voice`, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(TOKEN, `${PUBLIC}/twilio/voice`, params),
    },
  });
  expect(res.status).toBe(200);
  const twiml = await res.text();
  return /<Number[^>]*>([^<]+)<\/Number>/.exec(twiml)?.[1] ?? '(no number)';
}

async function someoneElse(than: string[]): Promise<{ id: string; phone: string }> {
  const users = await t.db.db
    .selectFrom('users')
    .select(['id', 'phone'])
    .where('role', '=', 'duty_worker')
    .where('active', '=', true)
    .where('phone', 'is not', null)
    .execute();
  const other = users.find((u) => !than.includes(u.phone!))!;
  return { id: other.id, phone: other.phone! };
}

describe('the answer from memory', () => {
  it('rings the new primary from the next call on after an override, and the old one once it is removed', async () => {
    clock.set('2026-10-25T01:30:00Z');
    const primary = (await coordinator.get('/api/oncall/now')).body.primary.phone as string;
    expect(await dialled()).toBe(primary);
    expect(await dialled()).toBe(primary); // the cached answer
    const stand = await someoneElse([primary]);
    const created = await coordinator.post('/api/rota/overrides', {
      slot: 'primary',
      userId: stand.id,
      start: '2026-10-24T20:00:00+02:00',
      end: '2026-10-25T08:00:00+01:00',
      reason: 'ziekte',
    });
    expect(created.status).toBe(201);
    expect(await dialled()).toBe(stand.phone);
    expect((await coordinator.request('DELETE', `/api/rota/overrides/${created.body.id}`)).status).toBeLessThan(300);
    expect(await dialled()).toBe(primary);
  });

  it('ends a shift inside the repeated hour of the DST night at the exact instant', async () => {
    clock.set('2026-10-25T00:10:00Z'); // 02:10 summer time, the first pass
    const primary = (await coordinator.get('/api/oncall/now')).body.primary.phone as string;
    const stand = await someoneElse([primary]);
    // From 02:30 summer time to 02:30 winter time: the same wall-clock time, one hour apart.
    const created = await coordinator.post('/api/rota/overrides', {
      slot: 'primary',
      userId: stand.id,
      start: '2026-10-25T02:30:00+02:00',
      end: '2026-10-25T02:30:00+01:00',
      reason: 'de lange nacht',
    });
    expect(created.status).toBe(201);
    const at = async (iso: string) => {
      clock.set(iso);
      return dialled();
    };
    expect(await at('2026-10-25T00:29:59.999Z')).toBe(primary);
    expect(await at('2026-10-25T00:30:00.000Z')).toBe(stand.phone);
    expect(await at('2026-10-25T01:00:00.000Z')).toBe(stand.phone); // 02:00 winter time: still the stand-in
    expect(await at('2026-10-25T01:29:59.999Z')).toBe(stand.phone);
    expect(await at('2026-10-25T01:30:00.000Z')).toBe(primary); // 02:30 winter time
    expect(await at('2026-10-25T00:45:00.000Z')).toBe(stand.phone); // the clock set back: no stale answer
    await coordinator.request('DELETE', `/api/rota/overrides/${created.body.id}`);
  });
});
