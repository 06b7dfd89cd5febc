// Issue 13's figures, measured as the person who runs the server feels them: the desk in its own
// process (`node server/launch.mjs`, as `npm start` runs it), the load from this one.
//   start.restart_to_first_call          SIGTERM, start again on the same data folder, until a signed call dials
//   start.restart_under_tsx              the same with SERVER_RUNTIME=tsx: the server compiled at every start
//   start.restart_with_console_build     the same with the console stale: what every restart cost before
//   voice.during_sms_flood.refused       300 signed texts from 30 numbers, then 50 signed calls at once: calls not dialled
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signature } from '../../server/fake-twilio/signing';

const TOKEN = 'bench-restart-token-0123456789';
const SID = `AC${'5'.repeat(32)}`;
const STAMP = join(process.cwd(), 'dist/client/.build-stamp');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

function startDesk(dataDir: string, port: number, extra: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['server/launch.mjs'], {
    env: {
      ...process.env,
      ...extra,
      SUPERVISE: 'false',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
    },
    stdio: 'ignore',
  });
}

async function signed(port: number, path: string, params: Record<string, string>) {
  const url = `http://127.0.0.1:${port}${path}`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature(TOKEN, url, params),
      },
    });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' }; // not listening yet
  }
}

const call = (port: number) =>
  signed(port, '/twilio/voice', {
    CallSid: `CA${randomBytes(16).toString('hex')}`,
    From: '+32470555000',
    To: '+3214000000',
    AccountSid: SID,
  });
const dials = (r: { status: number; body: string }) => r.status === 200 && r.body.includes('<Dial');

async function untilFirstCall(port: number, limitMs = 180_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (dials(await call(port))) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the desk did not answer a call');
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export async function benchRestart(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'permanentie-bench-restart-'));
  const port = await freePort();
  let desk = startDesk(dataDir, port);
  try {
    await untilFirstCall(port); // first start: migrations, demo data, the console built if needed
    const out: Record<string, number> = {};
    await stop(desk);
    desk = startDesk(dataDir, port);
    out['start.restart_to_first_call'] = await untilFirstCall(port);
    await stop(desk);
    desk = startDesk(dataDir, port, { SERVER_RUNTIME: 'tsx' });
    out['start.restart_under_tsx'] = await untilFirstCall(port);

    // The flood, on the running desk: texts and calls from this process, the desk in its own.
    const texts = Array.from({ length: 300 }, (_, i) =>
      signed(port, '/twilio/sms', {
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        From: `+3249900${String(i % 30).padStart(4, '0')}`,
        Body: `bericht ${i}`,
        AccountSid: SID,
      }),
    );
    await Promise.all(texts);
    const calls = await Promise.all(Array.from({ length: 50 }, () => call(port)));
    out['voice.during_sms_flood.refused'] = calls.filter((c) => !dials(c)).length;

    await stop(desk);
    rmSync(STAMP, { force: true }); // the console looks stale: the restart builds it, as every restart did before
    desk = startDesk(dataDir, port);
    out['start.restart_with_console_build'] = await untilFirstCall(port);
    return out;
  } finally {
    if (desk.exitCode === null) await stop(desk);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
