// The 500 consoles of the board-visible benchmark, in their own process, each doing what the console's
// board page does on `board:changed`: the board (PlacesBoard) either from the event itself, when it
// carries a newer board or a patch to the board it holds, or fetched again with the page's default filter; and the shift summary
// (ShiftSummary) fetched again unless the event carried the board. argv: <count> <cookie> <url> [url...]. Prints "ready" once all are
// connected and hold a board; then, each time every console holds a board with the expected number of
// holds initialled "B" (1 after the bench's hold, 0 after its release), "done <arrived> <visible>": when
// the last console got the event and when the last one held that board (Date.now()).
import { Agent, request } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import { applyBoardPatch } from '../../shared/rules/board-patch';
import { boardView, type BoardPlace } from '../../shared/rules/board-view';

const [countArg, cookie, ...urls] = process.argv.slice(2) as [string, string, ...string[]];
const count = Number(countArg);
const QUERY = 'adults=1&children=0'; // the board page's default filter (client/src/api/board.ts boardQuery)
const FILTER = { household: { adults: 1, children: 0, needs: [] }, municipality: null, types: [] };

type Place = BoardPlace & { id: string; holds: { initials: string }[] };
interface Board {
  version?: number;
  reading?: string;
  places: Place[];
}
interface Changed {
  version?: number;
  board?: Board & { version: number };
  patch?: Board & { version: number; base: string; removed: string[] };
}
interface Console {
  socket: Socket;
  /** Like a browser tab: its own keep-alive connections (two), opened by the first load. */
  agent: Agent;
  url: string;
  board: Board | null;
  arrived: boolean;
  visible: boolean;
}

let expected = 1;
let arrivedAt = 0;
let arrivals = 0;
let visibles = 0;

const sees = (b: Board) => b.places.reduce((n, p) => n + p.holds.filter((h) => h.initials === 'B').length, 0);

/** A GET on the console's connections; retried once when the server had just closed an idle one, as browsers do. */
function get(c: Console, path: string, retry = true): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(c.url + path, { agent: c.agent, headers: { cookie, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      retry && (err.code === 'ECONNRESET' || err.message === 'socket hang up')
        ? get(c, path, false).then(resolve, reject)
        : reject(err),
    );
    req.end();
  });
}

function hold(c: Console, board: Board) {
  if (c.board?.version !== undefined && board.version !== undefined && board.version < c.board.version) return;
  c.board = board;
  if (!c.visible && sees(board) === expected) {
    c.visible = true;
    if (++visibles === count) {
      process.stdout.write(`done ${arrivedAt} ${Date.now()}\n`);
      expected = 1 - expected;
      arrivals = 0;
      visibles = 0;
      for (const one of consoles) {
        one.arrived = false;
        one.visible = false;
      }
    }
  }
}

/** The board again; a console whose request failed shows an error and its worker taps "retry": here at once. */
const fetchBoard = (c: Console): Promise<void> =>
  get(c, `/api/board?${QUERY}`).then(
    (b) => hold(c, b as Board),
    (err: unknown) => {
      console.error(String(err));
      return fetchBoard(c);
    },
  );

function onChanged(c: Console, payload: Changed) {
  if (!c.arrived) {
    c.arrived = true;
    if (++arrivals === count) arrivedAt = Date.now();
  }
  const version = c.board?.version;
  const next = payload?.board ?? payload?.patch;
  const fits = !payload?.patch || payload.patch.base === c.board?.reading; // a patch to the reading held
  if (next && version !== undefined && next.version > version && fits) {
    const rows = payload.patch ? applyBoardPatch(c.board!.places, payload.patch) : next.places;
    hold(c, { ...next, places: boardView(rows, FILTER) });
  } else if (!(payload?.version !== undefined && version !== undefined && payload.version <= version)) {
    void fetchBoard(c);
  }
  // ShiftSummary counts its board figures from an event's board or patch; without either it fetches the summary.
  if (SUMMARY && !next) void get(c, '/api/handover').catch((err: unknown) => console.error(String(err)));
}

const SUMMARY = process.env.BENCH_SUMMARY !== '0';
const consoles: Console[] = Array.from({ length: count }, (_, i) => {
  const url = urls[i % urls.length]!;
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  return { socket, url, agent, board: null, arrived: false, visible: false };
});
await Promise.all(
  consoles.map(
    (c) =>
      new Promise<void>((resolve, reject) => {
        c.socket.once('hello', () => resolve());
        c.socket.once('connect_error', reject);
      }),
  ),
);
for (const c of consoles) c.socket.on('board:changed', (p) => onChanged(c, p));
// The page's first load, a few at a time as consoles open over a shift.
for (let i = 0; i < consoles.length; i += 50)
  await Promise.all(
    consoles.slice(i, i + 50).map(async (c) => {
      const [board] = await Promise.all([get(c, `/api/board?${QUERY}`), SUMMARY && get(c, '/api/handover')]);
      c.board = board as Board;
    }),
  );
process.stdout.write('ready\n');
process.stdin.on('end', () => {
  for (const c of consoles) {
    c.socket.close();
    c.agent.destroy();
  }
  process.exit(0);
});
process.stdin.resume();
