// Twilio's front door (webhook.ts): signed webhooks are answered on node:http ahead of Express; anything
// else goes on to Express. Real server, real HTTP, requests signed with Twilio's algorithm.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/helpers/server';
import { signTwilioRequest } from './signature';

const TOKEN = 'front-door-token-0123456789';
const PUBLIC = 'https://desk.example.be';
const callSid = () => `CA${randomBytes(16).toString('hex')}`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: `AC${'6'.repeat(32)}`, TWILIO_AUTH_TOKEN: TOKEN, PUBLIC_URL: PUBLIC },
  });
}, 60_000);
afterAll(() => t.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One POST over a fresh connection; `chunks` are written one by one, `pause` ms apart. */
function post(path: string, headers: Record<string, string>, chunks: string[], pause = 0): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${t.url}${path}`, { method: 'POST', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    void (async () => {
      for (const c of chunks) {
        req.write(c);
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
      req.end();
    })();
  });
}

function signed(path: string, params: Record<string, string>, form = new URLSearchParams(params).toString()) {
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(TOKEN, PUBLIC + path, params),
    },
    form,
  };
}

const call = () => ({ CallSid: callSid(), From: '+32470111222', To: '+3214000000', CallStatus: 'ringing' });

async function logged(sid: string) {
  return t.db.db.selectFrom('calls').select('call_sid').where('call_sid', '=', sid).execute();
}

describe("Twilio's front door", () => {
  it('answers a signed call with TwiML, without the console middleware, and logs it', async () => {
    const params = call();
    const { headers, form } = signed('/twilio/voice', params);
    const res = await post('/twilio/voice', headers, [form]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toContain('<Dial');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    // Helmet sets these on every answer that passes Express's middleware.
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBeUndefined();
    await expect.poll(() => logged(params.CallSid)).toHaveLength(1);
  });

  it('reads a form that arrives in pieces, split inside a parameter', async () => {
    const params = { ...call(), From: '+32 470 11 12 22' };
    const { headers, form } = signed('/twilio/voice', params);
    const cut = form.indexOf('%2B') + 2; // inside the escaped "+"
    const res = await post('/twilio/voice', headers, [form.slice(0, cut), form.slice(cut)], 30);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Dial');
  });

  it('signs and reads the query string of a webhook that carries one', async () => {
    const params = { CallSid: callSid(), Digits: '1' };
    const { headers, form } = signed('/twilio/voice/screened?step=0', params);
    const res = await post('/twilio/voice/screened?step=0', headers, [form]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    // The same request signed without its query is not Twilio's.
    const unsigned = signed('/twilio/voice/screened', params);
    expect((await post('/twilio/voice/screened?step=0', unsigned.headers, [unsigned.form])).status).toBe(403);
  });

  it('refuses a form over 64 kB with 413, stores nothing, and answers the next call', async () => {
    const params = { ...call(), Padding: 'x'.repeat(70_000) };
    const { headers, form } = signed('/twilio/voice', params);
    const res = await post('/twilio/voice', headers, [form]);
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/too large/);
    expect(await logged(params.CallSid)).toEqual([]);
    // Without Content-Length (chunked), the limit holds while reading.
    const chunked = await post('/twilio/voice', { ...headers, 'transfer-encoding': 'chunked' }, [
      form.slice(0, 40_000),
      form.slice(40_000),
    ]);
    expect(chunked.status).toBe(413);
    const next = signed('/twilio/voice', call());
    expect((await post('/twilio/voice', next.headers, [next.form])).status).toBe(200);
  });

  it('hands what it does not answer to Express: a bad signature is 403, a JSON body 403, a GET 404', async () => {
    const { form } = signed('/twilio/voice', call());
    const forged = await post(
      '/twilio/voice',
      { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      [form],
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toMatch(/X-Twilio-Signature/);
    const params = call();
    const json = await post(
      '/twilio/voice',
      {
        'content-type': 'application/json',
        'x-twilio-signature': signTwilioRequest(TOKEN, `${PUBLIC}/twilio/voice`, params),
      },
      [JSON.stringify(params)],
    );
    expect(json.status).toBe(403);
    const get = await fetch(`${t.url}/twilio/voice`);
    expect(get.status).toBe(404);
    expect(await get.text()).toBe('No Twilio webhook GET /twilio/voice.');
  });

  it('goes on answering after a client hangs up halfway through its form', async () => {
    const { headers, form } = signed('/twilio/voice', call());
    await new Promise<void>((resolve) => {
      const req = http.request(`${t.url}/twilio/voice`, {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(form.length) },
      });
      req.on('error', () => resolve());
      req.write(form.slice(0, 20));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    const next = signed('/twilio/voice', call());
    expect((await post('/twilio/voice', next.headers, [next.form])).status).toBe(200);
  });

  it('limits refused requests per address (30 a minute), and a signed call from that address still gets through', async () => {
    const { form } = signed('/twilio/voice', call());
    const forged = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post('/twilio/voice', forged, [form])).status);
    // Earlier tests in this file were refused from this address too, so the limit may come sooner.
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(Array(31 - statuses.indexOf(429)).fill(429));
    expect(statuses.slice(0, statuses.indexOf(429)).every((s) => s === 403)).toBe(true);
    const next = signed('/twilio/voice', call());
    expect((await post('/twilio/voice', next.headers, [next.form])).status).toBe(200);
  });
});
