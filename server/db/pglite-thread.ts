// PGlite in a worker thread of its own, behind a Kysely dialect that forwards every query to it, so the
// database's work (PostgreSQL compiled to WebAssembly, synchronous while it runs) never stalls the
// desk's event loop: webhooks, sockets and timers go on while a query runs. A transaction is pinned to
// the worker's PGlite transaction (exclusive, as PGlite's own dialect does it): its queries carry its id,
// and queries outside it wait for it inside the worker. Errors come back with PostgreSQL's fields
// (code, constraint, table, ...) but never the query's parameters.
//
// The worker's code is a string evaluated as a CommonJS script (PGlite's CommonJS build, found from this
// module), so it runs the same under tsx, vitest and the compiled `dist/server/main.js`, which is one file.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
let db = null;
const transactions = new Map();
let nextTransaction = 1;
const FIELDS = ['name', 'message', 'code', 'detail', 'hint', 'position', 'where', 'schema', 'table', 'column',
  'dataType', 'constraint', 'severity', 'routine'];
function errorOf(e) {
  const out = {};
  for (const f of FIELDS) if (e && (typeof e[f] === 'string' || typeof e[f] === 'number')) out[f] = e[f];
  if (!out.message) out.message = String(e);
  return out;
}
async function begin() {
  const id = nextTransaction++;
  const entry = {};
  let began;
  const hasBegun = new Promise((resolve) => { began = resolve; });
  const finished = new Promise((commit, rollback) => { entry.commit = commit; entry.rollback = rollback; });
  entry.done = db.transaction(async (tx) => { entry.tx = tx; began(); await finished; });
  entry.done.catch(() => undefined);
  await Promise.race([hasBegun, entry.done]);
  transactions.set(id, entry);
  return id;
}
async function handle(m) {
  switch (m.op) {
    case 'open':
      db = await PGlite.create(m.dataDir || undefined);
      return null;
    case 'query': {
      const entry = m.tx ? transactions.get(m.tx) : null;
      if (m.tx && !entry) throw Object.assign(new Error('transaction ' + m.tx + ' is not open'), { code: '25P01' });
      const r = await (entry ? entry.tx : db).query(m.sql, m.params, { rowMode: 'object' });
      return { rows: r.rows || [], affectedRows: r.affectedRows };
    }
    case 'begin':
      return begin();
    case 'commit': {
      const entry = transactions.get(m.tx);
      transactions.delete(m.tx);
      if (!entry) return null;
      entry.commit();
      await entry.done;
      return null;
    }
    case 'rollback': {
      const entry = transactions.get(m.tx);
      transactions.delete(m.tx);
      if (!entry) return null;
      entry.rollback(new Error('rolled back'));
      await entry.done.catch(() => undefined);
      return null;
    }
    case 'close':
      if (db && !db.closed) await db.close();
      return null;
  }
  throw new Error('unknown operation ' + m.op);
}
parentPort.on('message', (m) => {
  handle(m).then(
    (result) => parentPort.postMessage({ id: m.id, ok: true, result }),
    (e) => parentPort.postMessage({ id: m.id, ok: false, error: errorOf(e) }),
  );
});
`;

type Message =
  | { op: 'open'; dataDir: string | null }
  | { op: 'query'; sql: string; params: readonly unknown[]; tx: number | null }
  | { op: 'begin' }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'close' };

/** The worker and its replies: each message gets an id, each reply settles the promise of that id. */
class PgliteThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private failure: Error | null = null;

  constructor() {
    const pglitePath = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pglitePath } });
    this.worker.unref(); // an idle database never keeps the process alive
    this.worker.on(
      'message',
      (reply: { id: number; ok: boolean; result?: unknown; error?: Record<string, unknown> }) => {
        const waiter = this.waiting.get(reply.id);
        if (!waiter) return;
        this.waiting.delete(reply.id);
        if (reply.ok) waiter.resolve(reply.result);
        else waiter.reject(Object.assign(new Error(String(reply.error?.message)), reply.error));
      },
    );
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the PGlite thread ended (exit code ${code})`)));
  }

  call<T>(message: Message): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref(); // kept alive while it owes an answer
      this.worker.postMessage({ ...message, id });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
  }

  async close(): Promise<void> {
    try {
      await this.call({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}

class ThreadConnection implements DatabaseConnection {
  tx: number | null = null;
  constructor(private readonly thread: PgliteThread) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.thread.call<{ rows: R[]; affectedRows?: number }>({
      op: 'query',
      sql: query.sql,
      params: query.parameters,
      tx: this.tx,
    });
    return { rows, numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused, as PGlite's own dialect does
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite.');
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

class ThreadDriver implements Driver {
  private thread: PgliteThread | null = null;
  constructor(private readonly dataDir: string | null) {}

  async init(): Promise<void> {
    this.thread = new PgliteThread();
    await this.thread.call({ op: 'open', dataDir: this.dataDir });
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new ThreadConnection(this.thread!);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as ThreadConnection).tx = await this.thread!.call<number>({ op: 'begin' });
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ThreadConnection;
    const tx = c.tx!;
    c.tx = null;
    await this.thread!.call({ op: 'commit', tx });
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ThreadConnection;
    const tx = c.tx;
    c.tx = null;
    if (tx !== null) await this.thread!.call({ op: 'rollback', tx });
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoted(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoted(name)}`));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.thread?.close();
    this.thread = null;
  }
}

/** Kysely over PGlite in its own worker thread (`dataDir` null: in memory). */
export class PgliteThreadDialect implements Dialect {
  constructor(private readonly dataDir: string | null) {}
  createAdapter() {
    return new PGliteAdapter(); // one database: the migration lock is a no-op
  }
  createDriver(): Driver {
    return new ThreadDriver(this.dataDir);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
