// Board fanout: 500 connected socket.io clients; the time from an availability change (a hold made
// over HTTP) to the last client receiving `board:changed`, on one instance and with the clients spread
// over two instances on one PostgreSQL, beside a bare socket.io broadcast of the same payload.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { startSecondInstance } from '../helpers/second-instance';
import { ApiClient, startTestServer, type TestServer } from '../helpers/server';

const CLIENTS = 500;
const CHANGES = 30;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function connectAll(urls: string[], cookie: string | null): Promise<Socket[]> {
  const sockets = Array.from({ length: CLIENTS }, (_, i) => connect(urls[i % urls.length]!, {
    transports: ['websocket'], reconnection: false, forceNew: true, ...(cookie ? { extraHeaders: { cookie } } : {}),
  }));
  await Promise.all(sockets.map((s) => new Promise<void>((resolve, reject) => {
    s.once(cookie ? 'hello' : 'connect', () => resolve());
    s.once('connect_error', reject);
  })));
  return sockets;
}

/** Time until every socket got `event` once, after `trigger` starts. */
async function timeToAll(sockets: Socket[], event: string, trigger: () => Promise<unknown>): Promise<number> {
  let left = sockets.length;
  const all = new Promise<void>((resolve) => {
    for (const s of sockets) s.once(event, () => { if (--left === 0) resolve(); });
  });
  const started = performance.now();
  await Promise.all([trigger(), all]);
  return performance.now() - started;
}

async function boardFanout(t: TestServer, urls: string[]): Promise<number[]> {
  const api = new ApiClient(t.url);
  await api.login('permanentie');
  const sockets = await connectAll(urls, api.cookie);
  const place = (await api.get('/api/board')).body.places.find((p: { name: string }) => p.name === 'Noodwoning Turnhout');
  const samples: number[] = [];
  try {
    for (let i = 0; i < CHANGES; i++) {
      let holdId = '';
      samples.push(await timeToAll(sockets, 'board:changed', async () => {
        const res = await api.post('/api/holds', { placeId: place.id, initials: 'B', household: { adults: 1, children: 0, needs: [] } });
        if (res.status !== 201) throw new Error(`hold refused: ${JSON.stringify(res.body)}`);
        holdId = res.body.id;
      }));
      // Free the place again, and let that event reach everyone before the next measured change.
      await timeToAll(sockets, 'board:changed', () => api.post(`/api/holds/${holdId}/release`));
    }
  } finally {
    for (const s of sockets) s.close();
  }
  return samples;
}

async function bareFanout(): Promise<number[]> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets = await connectAll([url], null);
  const samples: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    samples.push(await timeToAll(sockets, 'board:changed', async () => { io.emit('board:changed', { placeId: 'x', at: new Date().toISOString() }); }));
    await new Promise((r) => setTimeout(r, 20));
  }
  for (const s of sockets) s.close();
  await new Promise<void>((r) => { void io.close(() => r()); });
  return samples;
}

export async function benchFanout(): Promise<Record<string, number | null>> {
  const t = await startTestServer();
  try {
    const one = await boardFanout(t, [t.url]);
    let two: number[] | null = null;
    if (t.db.url) { // two instances need PostgreSQL (PGlite is one process)
      const second = await startSecondInstance(t);
      try { two = await boardFanout(t, [t.url, second.url]); } finally { await second.close(); }
    }
    const bare = await bareFanout();
    return {
      'board.fanout.p50': pct(one, 50), 'board.fanout.p99': pct(one, 99),
      'board.fanout.2instances.p50': two && pct(two, 50), 'board.fanout.2instances.p99': two && pct(two, 99),
      'board.fanout.bare.p50': pct(bare, 50), 'board.fanout.bare.p99': pct(bare, 99),
    };
  } finally {
    await t.close();
  }
}
