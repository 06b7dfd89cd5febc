// kill -9 one of two instances (npm run start:cluster) under load: calls keep routing on the other,
// consoles reconnect and show the exact state within 5 s, and every SMS goes out exactly once.
// Several processes need PostgreSQL; on PGlite this file checks that the cluster refuses to start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { signature } from '../../server/fake-twilio/signing';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/db';
import { ApiClient } from '../helpers/server';

const ROOT = new URL('../..', import.meta.url).pathname;
const SID = `AC${'7'.repeat(32)}`;
const TOKEN = 'kill-test-token-0123456789';
const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what: string, ok: () => Promise<boolean> | boolean, ms = 60_000) {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`waited ${ms} ms for: ${what}`);
    await sleep(100);
  }
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
/** A request on a fresh connection (no keep-alive), so the cluster hands it to either instance. */
function fresh(
  url: string,
  method: 'GET' | 'POST',
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method, agent: false, headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', () => resolve({ status: 0, text }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '' }));
    // Twilio gives up after 15 s and uses the fallback URL; a connection handed to the dying instance hangs.
    req.setTimeout(5000, () => req.destroy());
    req.end(body);
  });
}
const cluster = (env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'server/cluster.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

/** Twilio's REST API for SMS, as a real HTTP server: records each message and reports it delivered. */
async function fakeTwilioRest(site: () => string) {
  const received: string[] = [];
  const sent: { sid: string; to: string; from: string; body: string; date_created: string }[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET') {
      // the list of messages, which a recovering sender asks before sending again
      const to = new URL(req.url!, 'http://x').searchParams.get('To');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ messages: sent.filter((m) => m.to === to) }));
      return;
    }
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const sid = `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`;
      received.push(new URL(form.StatusCallback!).searchParams.get('outbox')!);
      sent.push({ sid, to: form.To!, from: form.From!, body: form.Body!, date_created: new Date().toUTCString() });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued' }));
      const params = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: SID };
      const url = form.StatusCallback!.replace(/^https?:\/\/[^/]+/, site());
      setTimeout(
        () =>
          void fresh(url, 'POST', new URLSearchParams(params).toString(), {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signature(TOKEN, form.StatusCallback!, params),
          }),
        50,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise((r) => server.close(r)));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, received };
}

async function refusesWithoutPostgres() {
  const child = cluster({ DATABASE_URL: '' });
  let err = '';
  child.stderr!.on('data', (c) => {
    err += c;
  });
  const code = await new Promise((r) => child.on('exit', r));
  expect(code).toBe(1);
  expect(err).toMatch(/needs DATABASE_URL/);
}

it(testDatabaseKind === 'postgres'
  ? 'survives kill -9 of one of two instances under load'
  : 'start:cluster refuses PGlite (one process), saying why', async () => {
  if (testDatabaseKind === 'pglite') return refusesWithoutPostgres();
  const db: TestDatabase = await createTestDatabase();
  cleanup.push(() => db.drop());
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const rest = await fakeTwilioRest(() => site);
  const child: ChildProcess = cluster({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.url!,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'permanentie-cluster-')),
    SEED: 'demo',
    LOG_LEVEL: 'error',
    PUBLIC_URL: site,
    SMS_FORWARDS_PER_HOUR: '10000',
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_PHONE_NUMBER: '+3214000000',
    TWILIO_API_URL: rest.url,
    OUTBOX_STUCK_SECONDS: '3',
    INSTANCES: '2',
    LOGIN_RATE_PER_MINUTE: '10000',
  });
  cleanup.push(() => {
    child.kill('SIGTERM');
    return new Promise((r) => {
      child.once('exit', r);
      setTimeout(r, 15_000);
    });
  });
  const pids = new Set<number>();
  await waitFor('two instances answering', async () => {
    const h = await fresh(`${site}/healthz`, 'GET');
    if (h.status === 200) pids.add((JSON.parse(h.text) as { instance: number }).instance);
    return pids.size === 2;
  });

  const coordinator = new ApiClient(site);
  await coordinator.login('coordinator');
  const sockets: Socket[] = [];
  for (let i = 0; i < 6; i++)
    sockets.push(
      connect(site, {
        transports: ['websocket'],
        extraHeaders: { cookie: coordinator.cookie },
        reconnectionDelay: 200,
        reconnectionDelayMax: 1000,
      }),
    );
  cleanup.push(() => {
    for (const s of sockets) s.close();
  });
  await waitFor('six consoles connected', () => sockets.every((s) => s.connected));

  const post = (path: string, params: Record<string, string>) =>
    fresh(site + path, 'POST', new URLSearchParams(params).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(TOKEN, site + path, params),
    }).then((r) => r.status);
  const results: { at: number; kind: 'call' | 'sms'; sid: string; status: number }[] = [];
  let n = 0;
  let running = true;
  const load = Promise.all(
    [0, 1, 2, 3].map(async () => {
      // four callers at once: one stuck request stalls only its own line
      while (running) {
        const i = n++;
        const started = Date.now();
        const sid = `${i}`.padStart(32, '0');
        const [call, sms] = await Promise.all([
          post('/twilio/voice', {
            CallSid: `CA${sid}`,
            From: '+32470555000',
            To: '+3214000000',
            CallStatus: 'ringing',
            AccountSid: SID,
          }),
          // a sender each: the flood cap (3 forwards per sender per hour) is not what this test is about
          post('/twilio/sms', {
            MessageSid: `SM${sid}`,
            From: `+324995${String(i).padStart(5, '0')}`,
            Body: `help ${i}`,
            AccountSid: SID,
          }),
        ]);
        const at = started;
        results.push(
          { at, kind: 'call', sid: `CA${sid}`, status: call },
          { at, kind: 'sms', sid: `SM${sid}`, status: sms },
        );
        await sleep(20);
      }
    }),
  );

  await sleep(1500);
  const victim = [...pids][0]!;
  const killedAt = Date.now();
  process.kill(victim, 'SIGKILL');
  await waitFor('every console connected again', () => sockets.every((s) => s.connected), 5_000);
  await sleep(6000);
  running = false;
  await load;

  // Routing: after the first second, every call and SMS webhook is answered by the surviving instance.
  const after = results.filter((r) => r.at > killedAt + 1000);
  expect(after.length).toBeGreaterThan(10);
  expect(after.filter((r) => r.status !== 200)).toEqual([]);

  // The exact state: a change made now reaches every reconnected console, whichever instance it is on.
  const heard = sockets.map(() => false);
  sockets.forEach((s, i) => {
    s.on('board:changed', () => {
      heard[i] = true;
    });
  });
  const place = (
    (await coordinator.get('/api/board')).body.places as { id: string; free: number; type: string }[]
  ).find((p) => p.free > 0 && p.type !== 'hotel')!;
  expect(
    (
      await coordinator.post('/api/holds', {
        placeId: place.id,
        initials: 'K.N.',
        household: { adults: 1, children: 0, needs: [] },
      })
    ).status,
  ).toBe(201);
  await waitFor('the board event in every console', () => heard.every(Boolean), 5_000);

  // SMS: each forwarded message whose webhook was answered goes out exactly once, the victim's included.
  const answered = results.filter((r) => r.kind === 'sms' && r.status === 200).map((r) => `forward:${r.sid}`);
  await waitFor(
    'every forward sent',
    async () => {
      const rows = await db.db.selectFrom('outbox').select('status').where('dedupe_key', 'in', answered).execute();
      return rows.length === answered.length && rows.every((r) => r.status === 'sent' || r.status === 'delivered');
    },
    60_000,
  ).catch(async (e: Error) => {
    // say what is missing, for whoever reads a red CI
    const left = await db.db
      .selectFrom('outbox')
      .select(['status', 'last_error', 'dedupe_key', 'attempts'])
      .where('kind', '=', 'forward')
      .where('status', 'not in', ['sent', 'delivered'])
      .execute();
    const have = new Set((await db.db.selectFrom('outbox').select('dedupe_key').execute()).map((r) => r.dedupe_key));
    const activity =
      await sql`select state, wait_event_type, wait_event, left(query, 120) as query from pg_stat_activity where datname = current_database()`.execute(
        db.db,
      );
    throw new Error(
      `${e.message}; not sent: ${left.length} ${JSON.stringify(left.slice(0, 3))}; answered without a row: ${answered.filter((a) => !have.has(a)).length}; sessions: ${JSON.stringify(activity.rows)}`,
    );
  });
  const rows = await db.db.selectFrom('outbox').select('id').where('kind', '=', 'forward').execute();
  expect(rows.length).toBeGreaterThanOrEqual(answered.length);
  expect([...rest.received].sort()).toEqual(rows.map((r) => r.id).sort()); // each row sent once, none twice
}, 180_000);
