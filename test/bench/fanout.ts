// Board fanout: 500 connected socket.io clients; the time from an availability change (a hold made
// over HTTP) to the last client receiving `board:changed`, on one instance and with the clients spread
// over two instances on one PostgreSQL, beside a bare socket.io broadcast of the same payload. The
// clients run in a second process (fanout-clients.ts), so the figure is the server's, not theirs.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { startSecondInstance } from '../helpers/second-instance';
import { ApiClient, startTestServer, type TestServer } from '../helpers/server';

const CLIENTS = 500;
const CHANGES = 30;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** The clients in a second process; `next()` resolves with the time the next event reached all of them. */
async function remoteClients(urls: string[], cookie: string | null) {
  const script = fileURLToPath(new URL('./fanout-clients.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(CLIENTS), cookie ?? '-', ...urls], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  lines.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else queued.push(l);
  });
  const nextLine = () =>
    new Promise<string>((r) => {
      const q = queued.shift();
      if (q !== undefined) r(q);
      else waiting.push(r);
    });
  if ((await nextLine()) !== 'ready') throw new Error('clients did not connect');
  return {
    next: async () => Number((await nextLine()).split(' ')[1]),
    close: () => {
      child.stdin!.end();
    },
  };
}

async function boardFanout(t: TestServer, urls: string[]): Promise<number[]> {
  const api = new ApiClient(t.url);
  await api.login('permanentie');
  const clients = await remoteClients(urls, api.cookie);
  const place = (await api.get('/api/board')).body.places.find(
    (p: { name: string }) => p.name === 'Noodwoning Turnhout',
  );
  const samples: number[] = [];
  try {
    for (let i = 0; i < CHANGES; i++) {
      const started = Date.now();
      const res = await api.post('/api/holds', {
        placeId: place.id,
        initials: 'B',
        household: { adults: 1, children: 0, needs: [] },
      });
      if (res.status !== 201) throw new Error(`hold refused: ${JSON.stringify(res.body)}`);
      samples.push((await clients.next()) - started);
      // Free the place again, and let that event reach everyone before the next measured change.
      await api.post(`/api/holds/${res.body.id}/release`);
      await clients.next();
    }
  } finally {
    clients.close();
  }
  return samples;
}

async function bareFanout(): Promise<number[]> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients = await remoteClients([url], null);
  const samples: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const started = Date.now();
    io.emit('board:changed', { placeId: 'x', at: new Date().toISOString() });
    samples.push((await clients.next()) - started);
  }
  clients.close();
  await new Promise<void>((r) => {
    void io.close(() => r());
  });
  return samples;
}

export async function benchFanout(): Promise<Record<string, number | null>> {
  const t = await startTestServer();
  try {
    const one = await boardFanout(t, [t.url]);
    let two: number[] | null = null;
    if (t.db.url) {
      // two instances need PostgreSQL (PGlite is one process)
      const second = await startSecondInstance(t);
      try {
        two = await boardFanout(t, [t.url, second.url]);
      } finally {
        await second.close();
      }
    }
    const bare = await bareFanout();
    return {
      'board.fanout.p50': pct(one, 50),
      'board.fanout.p99': pct(one, 99),
      'board.fanout.2instances.p50': two && pct(two, 50),
      'board.fanout.2instances.p99': two && pct(two, 99),
      'board.fanout.bare.p50': pct(bare, 50),
      'board.fanout.bare.p99': pct(bare, 99),
    };
  } finally {
    await t.close();
  }
}
