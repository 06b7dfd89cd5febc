// The voice line's edges, with signed requests as Twilio makes them: forged or unsigned requests,
// missing parameters, and a database that is gone.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createLogger } from '../../logger';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';
import { signTwilioRequest } from '../twilio/signature';
import { refreshLastKnownRota } from './keep-fresh';

const TOKEN = 'voice-test-token-0123';
const SECONDARY = 'voice-test-token-next';
const PUBLIC = 'https://desk.example.be';
const env = {
  TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_AUTH_TOKEN_SECONDARY: SECONDARY,
  PUBLIC_URL: PUBLIC,
};
const sid = () => `CA${randomBytes(16).toString('hex')}`;

async function post(base: string, path: string, params: Record<string, string>, token: string | null = TOKEN) {
  const headers: Record<string, string> = token
    ? { 'x-twilio-signature': signTwilioRequest(token, PUBLIC + path, params) }
    : {};
  const res = await fetch(base + path, { method: 'POST', body: new URLSearchParams(params), headers });
  return { status: res.status, text: await res.text() };
}

let t: TestServer;
let primaryPhone: string;
beforeAll(async () => {
  t = await startTestServer({ env });
  const c = new ApiClient(t.url);
  await c.login('coordinator');
  primaryPhone = (await c.get('/api/oncall/now')).body.primary.phone;
});
afterAll(async () => {
  await t.close();
});

const callCount = async () => (await t.db.db.selectFrom('calls').select('id').execute()).length;

describe('signatures', () => {
  it('refuses an unsigned, a forged and a wrongly signed request with 403 and stores nothing', async () => {
    const before = await callCount();
    const params = { CallSid: sid(), From: '+3214440101', To: '+3214000000' };
    expect((await post(t.url, '/twilio/voice', params, null)).status).toBe(403);
    expect((await post(t.url, '/twilio/voice', params, 'not-the-token-at-all')).status).toBe(403);
    const forged = await fetch(`${t.url}/twilio/voice`, {
      method: 'POST',
      body: new URLSearchParams({ ...params, From: '+32470000000' }),
      headers: { 'x-twilio-signature': signTwilioRequest(TOKEN, `${PUBLIC}/twilio/voice`, params) }, // signed other params
    });
    expect(forged.status).toBe(403);
    expect(
      (await post(t.url, '/twilio/voice/status', { CallSid: params.CallSid, CallStatus: 'completed' }, null)).status,
    ).toBe(403);
    expect(await callCount()).toBe(before);
  });

  it('accepts the secondary token during a key rotation', async () => {
    const res = await post(
      t.url,
      '/twilio/voice',
      { CallSid: sid(), From: '+3214440101', To: '+3214000000' },
      SECONDARY,
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain(`>${primaryPhone}</Number>`);
  });
});

describe('bad input', () => {
  it('still dials the duty worker when Twilio leaves out every parameter', async () => {
    const res = await post(t.url, '/twilio/voice', {});
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<Dial [^>]*action="\/twilio\/voice\/dialled\?step=0"/);
    expect(res.text).toContain(`>${primaryPhone}</Number>`);
  });

  it('answers an unknown caller like any other, without a name', async () => {
    const res = await post(t.url, '/twilio/voice', { CallSid: sid(), From: '+32499000000', To: '+3214000000' });
    expect(res.text).toContain(`>${primaryPhone}</Number>`);
    expect(res.text).not.toContain('caller=');
  });

  it('says 404 for a webhook that does not exist, after checking the signature', async () => {
    expect((await post(t.url, '/twilio/nothing', { CallSid: sid() })).status).toBe(404);
  });
});

describe('when the database is gone', () => {
  it('a restarted server still dials the last-known primary, named caller and all', async () => {
    const s = await startTestServer({ env });
    await refreshLastKnownRota(s.app.services); // what the running server keeps on disk
    await s.app.close();
    await s.db.close(); // PostgreSQL (or PGlite) is gone
    const again = createApp({
      config: s.config,
      database: s.db,
      clock: s.clock,
      logger: createLogger('silent'),
      clientDir: null,
    });
    const port = await again.listen(0, '127.0.0.1');
    try {
      const res = await post(`http://127.0.0.1:${port}`, '/twilio/voice', {
        CallSid: sid(),
        From: '+3214440101',
        To: '+3214000000',
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain(`>${primaryPhone}</Number>`);
      expect(res.text).toContain('caller=Politie+Regio+Turnhout'); // the directory is in the copy too
    } finally {
      await again.close();
      await s.db.drop().catch(() => undefined);
    }
  });
});
