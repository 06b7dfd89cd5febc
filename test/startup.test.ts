// `npm start` as a newcomer runs it: the real entry point in a child process, on a data folder
// (PGlite) or a PostgreSQL URL; SIGTERM stops it cleanly and a restart keeps what was written.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './helpers/db';
import { ApiClient } from './helpers/server';

const dataDir = mkdtempSync(join(tmpdir(), 'permanentie-start-'));
let pgDb: TestDatabase | undefined;
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await pgDb?.drop();
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
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

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

async function startStopRestart(env: Record<string, string>) {
  const first = await start(env);
  expect(first.output()).toMatch(/DEMO LOGINS EXIST/);
  const admin = new ApiClient(first.url);
  await admin.login('admin');
  const created = await admin.post('/api/users', {
    username: 'jan.nieuw',
    displayName: 'Jan Nieuw',
    role: 'duty_worker',
    password: 'een-lang-wachtwoord',
    phone: '0470 12 34 56',
  });
  expect(created.status).toBe(201);
  expect(await stop(first)).toBe(0);
  expect(first.output()).toMatch(/stopped/);

  const second = await start(env);
  const jan = new ApiClient(second.url);
  const me = await jan.login('jan.nieuw', 'een-lang-wachtwoord');
  expect(me.body.user.displayName).toBe('Jan Nieuw');
  const health = await jan.get('/healthz');
  expect(health.body.database).toBe('ok');
  expect(await stop(second)).toBe(0);
}

it(`starts on ${testDatabaseKind}, stops on SIGTERM and keeps its data across a restart`, async () => {
  if (testDatabaseKind === 'postgres') {
    pgDb = await createTestDatabase();
    await startStopRestart({ DATABASE_URL: pgDb.url! });
  } else {
    await startStopRestart({ DATA_DIR: dataDir });
  }
}, 120_000);

it('a second start on the same PGlite folder refuses, naming the process that holds it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'permanentie-twice-'));
  try {
    const first = await start({ DATA_DIR: dir });
    const err = await start({ DATA_DIR: dir, DATA_LOCK_WAIT_SECONDS: '1' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(new RegExp(`in use by process ${first.child.pid}`));
    expect(await stop(first)).toBe(0);
    const again = await start({ DATA_DIR: dir }); // released on a clean stop: the restart takes it at once
    expect(await stop(again)).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
