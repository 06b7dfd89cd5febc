// A database that can be taken away and given back, as a restart looks from the application.
// PostgreSQL: the application connects through a TCP proxy that drops every connection and refuses
// new ones while "restarting" (the pg pool's real failure paths). PGlite (in process, no network):
// a Kysely plugin fails every query with ECONNREFUSED while down.
import { createServer, connect, type Socket } from 'node:net';
import { sql, type KyselyPlugin } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../server/db/index';
import type { TestDatabase } from './db';

export interface Outage {
  handle: DatabaseHandle;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function outageFor(base: TestDatabase): Promise<Outage> {
  return base.url ? proxied(base.url) : pluggable(base);
}

async function proxied(url: string): Promise<Outage> {
  const target = new URL(url);
  const open = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const via = new URL(url);
  via.hostname = '127.0.0.1';
  via.port = String(port);
  const handle = openDatabase({ kind: 'postgres', url: via.toString(), poolSize: 5 });
  return {
    handle,
    cut() {
      refusing = true;
      for (const s of open) s.destroy();
    },
    restore() {
      refusing = false;
    },
    close: async () => {
      await handle.close().catch(() => undefined);
      for (const s of open) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

function pluggable(base: TestDatabase): Outage {
  let down = false;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (down) throw Object.assign(new Error('connect ECONNREFUSED (simulated restart)'), { code: 'ECONNREFUSED' });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const db = base.db.withPlugin(plugin);
  const handle: DatabaseHandle = {
    db,
    kind: base.kind,
    pgPool: null,
    close: async () => undefined,
    ping: async (timeoutMs = 1500) => {
      try {
        await Promise.race([sql`select 1`.execute(db), new Promise((_, reject) => setTimeout(reject, timeoutMs))]);
        return true;
      } catch {
        return false;
      }
    },
  };
  return {
    handle,
    cut() {
      down = true;
    },
    restore() {
      down = false;
    },
    close: async () => undefined,
  };
}
