// The demo's call simulator drives the real webhooks of the running server (sandbox: no credentials).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('call simulator', () => {
  it('a simulated call with a busy primary reaches the backup, logged like a real one', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    const res = await worker.post('/api/simulator/calls', { from: '014 44 01 01', steps: ['busy', 'accepts'] });
    expect(res.status).toBe(200);
    expect(res.body.dialled.map((d: { outcome: string }) => d.outcome)).toEqual(['busy', 'accepted']);
    const call = (await worker.get('/api/calls')).body.calls.find((c: { sid: string }) => c.sid === res.body.sid);
    expect(call).toMatchObject({ from: '+3214440101', callerName: 'Politie Regio Turnhout', outcome: 'answered' });
    expect(call.legs.map((l: { role: string; status: string }) => `${l.role}:${l.status}`)).toEqual([
      'primary:busy',
      'backup:accepted',
    ]);
  });

  it('refuses a number that is not a phone number', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    const res = await worker.post('/api/simulator/calls', { from: '12' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/body\.from/);
  });

  it('says it runs in the demo, and with Twilio credentials says it does not and refuses a call', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    expect((await worker.get('/api/simulator')).body).toEqual({ available: true });
    const real = await startTestServer({
      env: {
        TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'x'.repeat(32),
        TWILIO_PHONE_NUMBER: '+3214000000',
      },
    });
    try {
      const w = new ApiClient(real.url);
      await w.login('permanentie');
      expect((await w.get('/api/simulator')).body).toEqual({ available: false });
      expect((await w.post('/api/simulator/calls', { from: '014 44 01 01' })).status).toBe(409);
    } finally {
      await real.close();
    }
  });
});
