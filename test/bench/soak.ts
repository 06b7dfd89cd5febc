// `npm run bench:soak`: a busy night at high speed for SOAK_MINUTES (default 30): calls through the
// line, SMS forwarded through the outbox, holds taken and released, SOAK_CONSOLES (500) consoles
// receiving every change (each board:changed carries a patch or the board). Prints the server's memory and latency every minute, and how much memory grew from the end
// of the first minute to the end: a leak shows as growth that keeps rising.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { signature } from '../../server/fake-twilio/signing';
import { ApiClient } from '../helpers/server';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const CONSOLES = Number(process.env.SOAK_CONSOLES ?? 500);
const SID = `AC${'5'.repeat(32)}`;
const TOKEN = 'soak-token-0123456789abc';
const print = (name: string, value: number, unit: string) => console.log(`bench ${name} ${value.toFixed(1)} ${unit}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.99) - 1)] ?? 0;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const twilio = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ sid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}` })),
  );
});
await new Promise<void>((r) => twilio.listen(0, '127.0.0.1', r));
const server = spawn(process.execPath, ['--import', 'tsx', new URL('./soak-server.ts', import.meta.url).pathname], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: {
    ...process.env,
    SOAK_SID: SID,
    SOAK_TOKEN: TOKEN,
    SOAK_API: `http://127.0.0.1:${(twilio.address() as { port: number }).port}`,
  },
});
const [url, publicUrl] = await new Promise<string[]>((resolve) => {
  createInterface({ input: server.stdout! }).on('line', (l) => {
    if (l.startsWith('url ')) resolve(l.split(' ').slice(1));
  });
});

const worker = new ApiClient(url!);
await worker.login('permanentie');
const consoles: Socket[] = Array.from({ length: CONSOLES }, () =>
  connect(url!, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: worker.cookie } }),
);
let events = 0;
for (const s of consoles)
  s.on('board:changed', () => {
    events++;
  });

const latencies: number[] = [];
const timed = async (work: () => Promise<unknown>) => {
  const s = performance.now();
  await work();
  latencies.push(performance.now() - s);
};
const webhook = (path: string, params: Record<string, string>) =>
  fetch(url + path, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature(TOKEN, publicUrl + path, params),
    },
  });
const places = ((await worker.get('/api/board')).body.places as { id: string; type: string; free: number }[]).filter(
  (p) => p.type !== 'hotel' && p.free > 0,
);

let n = 0;
async function tick() {
  const i = n++;
  const callSid = `CA${String(i).padStart(32, '0')}`;
  await timed(() =>
    webhook('/twilio/voice', {
      CallSid: callSid,
      From: `+3247${String(i % 1e7).padStart(7, '0')}`,
      To: '+3214000000',
      CallStatus: 'ringing',
      AccountSid: SID,
    }),
  );
  await timed(() =>
    webhook('/twilio/voice/status', {
      CallSid: callSid,
      CallStatus: 'completed',
      SequenceNumber: '3',
      CallDuration: '60',
      AccountSid: SID,
    }),
  );
  await timed(() =>
    webhook('/twilio/sms', {
      MessageSid: `SM${String(i).padStart(32, '0')}`,
      From: '+32499000111',
      Body: `bericht ${i}`,
      AccountSid: SID,
    }),
  );
  const place = places[i % places.length]!;
  const held = await worker.post('/api/holds', {
    placeId: place.id,
    initials: 'S.K.',
    household: { adults: 1, children: 0, needs: [] },
  });
  if (held.status === 201) await timed(() => worker.post(`/api/holds/${held.body.id}/release`));
}

const started = Date.now();
const rssByMinute: number[] = [];
for (let minute = 1; minute <= MINUTES; minute++) {
  latencies.length = 0;
  while (Date.now() - started < minute * 60_000) {
    await Promise.all([tick(), tick()]);
    await sleep(50);
  }
  const rss = rssMb(server.pid!);
  rssByMinute.push(rss);
  const m = String(minute).padStart(2, '0');
  print(`soak.minute_${m}.rss`, rss, 'MB');
  print(`soak.minute_${m}.p99`, p99(latencies), 'ms');
  print(`soak.minute_${m}.requests`, latencies.length, 'count');
}
// RSS saws up and down with the garbage collector, so last minus first says more about where the saw
// stood at those two minutes than about growth. Compare the peaks of the first and last thirds instead.
const third = Math.max(1, Math.floor(rssByMinute.length / 3));
print('soak.rss_growth', Math.max(...rssByMinute.slice(-third)) - Math.max(...rssByMinute.slice(0, third)), 'MB');
print('soak.board_events_received', events, 'count');
for (const s of consoles) s.close();
server.stdin!.end();
await new Promise((r) => server.once('exit', r));
twilio.close();
