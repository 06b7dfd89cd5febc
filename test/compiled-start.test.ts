// Issue 13: `npm run build` compiles the server into dist/server, and what `npm start` runs from there
// works: it finds its region data, demo data and migrations from the project root, answers /healthz
// and a signed call, and a restart on the same data skips the work an unchanged database does not need.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signature } from '../server/fake-twilio/signing';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './helpers/db';
import { ApiClient } from './helpers/server';

const TOKEN = 'compiled-start-token-0123456789';
const SID = `AC${'6'.repeat(32)}`;
const PUBLIC = 'https://desk.example.be';
const dataDir = mkdtempSync(join(tmpdir(), 'permanentie-compiled-'));
let pgDb: TestDatabase | undefined;
const build = () =>
  spawnSync(process.execPath, ['server/launch.mjs', '--build-only', '--server-only'], { encoding: 'utf8' });

beforeAll(() => {
  const first = build();
  expect(first.status, first.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await pgDb?.drop();
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startCompiled(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/server/main.js')], {
    // Started from another folder: nothing may depend on the working directory.
    cwd: tmpdir(),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      PUBLIC_URL: PUBLIC,
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(/listens on (http:\/\/localhost:\d+)/);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
  return { child, url, output: () => out };
}

const stop = (s: Started) =>
  new Promise<number | null>((resolve) => {
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });

/** A signed call as Twilio sends it, to the URL Twilio signs (PUBLIC_URL), delivered to the process. */
async function signedCall(base: string) {
  const params = {
    CallSid: `CA${randomBytes(16).toString('hex')}`,
    From: '+32470555000',
    To: '+3214000000',
    AccountSid: SID,
  };
  const res = await fetch(`${base}/twilio/voice`, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(TOKEN, `${PUBLIC}/twilio/voice`, params),
    },
  });
  return { status: res.status, body: await res.text() };
}

it('npm run build compiles the server once and leaves a current build alone', () => {
  const main = join(process.cwd(), 'dist/server/main.js');
  expect(existsSync(main)).toBe(true);
  expect(existsSync(join(process.cwd(), 'dist/server/cluster.js'))).toBe(true);
  const built = statSync(main).mtimeMs;
  const stamp = readFileSync(join(process.cwd(), 'dist/server/.build-stamp'), 'utf8');
  const again = build();
  expect(again.status).toBe(0);
  expect(again.stdout).not.toMatch(/compiling the server/);
  expect(statSync(main).mtimeMs).toBe(built);
  expect(readFileSync(join(process.cwd(), 'dist/server/.build-stamp'), 'utf8')).toBe(stamp);
});

it(`the compiled desk starts on ${testDatabaseKind}, answers /healthz and a signed call, and restarts without redoing start-up work`, async () => {
  let env: Record<string, string> = { DATA_DIR: dataDir };
  if (testDatabaseKind === 'postgres') {
    pgDb = await createTestDatabase(); // migrated already; the compiled desk seeds it
    env = { DATABASE_URL: pgDb.url!, DATA_DIR: dataDir };
  }
  const first = await startCompiled(env);
  try {
    expect(first.output()).toMatch(/Belgian municipalities loaded/); // region data found from dist/
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { database: string }).database).toBe('ok');
    const call = await signedCall(first.url);
    expect(call.status).toBe(200);
    expect(call.body).toContain('<Dial');
    const admin = new ApiClient(first.url);
    expect((await admin.login('coordinator')).status).toBe(200); // demo data found from dist/
    expect((await admin.get('/api/board')).body.places.length).toBeGreaterThan(0);
  } finally {
    expect(await stop(first)).toBe(0);
  }

  const second = await startCompiled(env);
  try {
    expect(second.output()).not.toMatch(/migrations applied|Belgian municipalities loaded|demo data loaded/);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect((await signedCall(second.url)).body).toContain('<Dial');
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 120_000);
