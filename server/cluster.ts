// `npm run start:cluster`: several instances of the desk behind one address, on one PostgreSQL.
// Node's cluster module shares the port (the primary hands connections round-robin to the workers)
// and starts a worker again when one dies. The first worker migrates and seeds; the others start
// once it listens, so two never race to seed an empty database. Realtime crosses instances through
// socket.io's PostgreSQL adapter; the console's socket uses WebSocket only, so it needs no sticky sessions.
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from './paths';

const instances = Number(process.env.INSTANCES ?? 2);

if (!process.env.DATABASE_URL) {
  console.error(
    'start:cluster needs DATABASE_URL: the embedded PGlite database belongs to one process. Set DATABASE_URL=postgres://... or use npm start.',
  );
  process.exit(1);
}
if (!Number.isInteger(instances) || instances < 1 || instances > 32) {
  console.error(`INSTANCES must be a whole number from 1 to 32, got "${process.env.INSTANCES}".`);
  process.exit(1);
}

let stopping = false;
// Compiled (dist/server/cluster.js) the workers run dist/server/main.js beside it; under tsx they run
// server/main.ts and inherit tsx's loader from the primary's execArgv.
const here = fileURLToPath(import.meta.url);
cluster.setupPrimary({ exec: here.endsWith('.js') ? join(dirname(here), 'main.js') : fromRoot('server/main.ts') });
const first = cluster.fork();
first.once('listening', () => {
  for (let i = 1; i < instances; i++) cluster.fork();
});
cluster.on('exit', (worker, code, signal) => {
  if (stopping) return;
  console.error(`instance ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting a new one`);
  cluster.fork();
});
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 12_000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
}
