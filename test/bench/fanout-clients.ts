// The 500 consoles of the fanout benchmark, in their own process so that receiving does not steal
// the server's core. argv: <count> <cookie|-> <url> [url...]. Prints "ready" once all are connected,
// then, for every event that has reached all of them, "done <Date.now()>".
import { io as connect } from 'socket.io-client';

const [countArg, cookie, ...urls] = process.argv.slice(2) as [string, string, ...string[]];
const count = Number(countArg);
let arrivals = 0;
const sockets = Array.from({ length: count }, (_, i) =>
  connect(urls[i % urls.length]!, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie !== '-' ? { extraHeaders: { cookie } } : {}),
  }),
);
await Promise.all(
  sockets.map(
    (s) =>
      new Promise<void>((resolve, reject) => {
        s.once(cookie !== '-' ? 'hello' : 'connect', () => resolve());
        s.once('connect_error', reject);
      }),
  ),
);
for (const s of sockets) {
  s.on('board:changed', () => {
    if (++arrivals % count === 0) process.stdout.write(`done ${Date.now()}\n`);
  });
}
process.stdout.write('ready\n');
process.stdin.on('end', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
process.stdin.resume();
