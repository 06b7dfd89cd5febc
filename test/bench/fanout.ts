// Board fanout: 500 connected socket.io clients; the time from an availability change (a hold made
// over HTTP) to the last client receiving `board:changed` (`board.fanout.*`), and to the last console
// holding the new board, as the console's board page gets it: from the event, or by fetching it and
// the shift summary again (`board.visible.*`, visible-clients.ts). On one instance and with the clients
// spread over two instances on one PostgreSQL, beside a bare socket.io broadcast of a small payload.
// The clients run in a second process, so the figure is the server's, not theirs.
import type { AddressInfo } from 'node:net';
import { createServer, type Server as HttpServer } from 'node:http';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { startSecondInstance } from '../helpers/second-instance';
import { ApiClient, startTestServer, type TestServer } from '../helpers/server';

const CLIENTS = Number(process.env.BENCH_CONSOLES ?? 500);
const CHANGES = Number(process.env.BENCH_BOARD_CHANGES ?? 30);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** The clients in a second process; `next()` resolves with the time the next event reached all of them. */
async function remoteClients(urls: string[], cookie: string | null, file = './fanout-clients.ts') {
  const script = fileURLToPath(new URL(file, import.meta.url));
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
    /** For visible-clients.ts: when the last console got the event, and when the last held the board. */
    nextPair: async () => (await nextLine()).split(' ').slice(1).map(Number) as [number, number],
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

/** [arrived, visible] samples: from the change to the last console's event, and to its board. */
async function boardVisible(
  t: TestServer,
  urls: string[],
  servers: HttpServer[],
): Promise<{ arrived: number[]; visible: number[] }> {
  // Between two changes a loaded machine may leave a connection idle past Node's 5 s; a request sent as
  // the server closes it is reset. Browsers retry those; here the servers keep connections a minute.
  for (const s of servers) s.keepAliveTimeout = 60_000;
  const api = new ApiClient(t.url);
  await api.login('permanentie');
  const clients = await remoteClients(urls, api.cookie, './visible-clients.ts');
  const place = (await api.get('/api/board')).body.places.find(
    (p: { name: string }) => p.name === 'Noodwoning Turnhout',
  );
  const arrived: number[] = [];
  const visible: number[] = [];
  try {
    for (let i = 0; i < CHANGES; i++) {
      const started = Date.now();
      const res = await api.post('/api/holds', {
        placeId: place.id,
        initials: 'B',
        household: { adults: 1, children: 0, needs: [] },
      });
      if (res.status !== 201) throw new Error(`hold refused: ${JSON.stringify(res.body)}`);
      const [a, v] = await clients.nextPair();
      arrived.push(a - started);
      visible.push(v - started);
      await api.post(`/api/holds/${res.body.id}/release`);
      await clients.nextPair();
      await new Promise((r) => setTimeout(r, 200)); // let the shift summaries' fetches finish
    }
  } finally {
    clients.close();
  }
  return { arrived, visible };
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
    const seen = await boardVisible(t, [t.url], [t.app.server]);
    let two: number[] | null = null;
    let seenTwo: { arrived: number[]; visible: number[] } | null = null;
    if (t.db.url) {
      // two instances need PostgreSQL (PGlite is one process)
      const second = await startSecondInstance(t);
      try {
        two = await boardFanout(t, [t.url, second.url]);
        seenTwo = await boardVisible(t, [t.url, second.url], [t.app.server, second.app.server]);
      } finally {
        await second.close();
      }
    }
    const bare = await bareFanout();
    return {
      'board.visible.p50': pct(seen.visible, 50),
      'board.visible.p99': pct(seen.visible, 99),
      'board.visible.arrived.p99': pct(seen.arrived, 99),
      'board.visible.2instances.p50': seenTwo && pct(seenTwo.visible, 50),
      'board.visible.2instances.p99': seenTwo && pct(seenTwo.visible, 99),
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
