// A second server instance on the same database, as in a deployment with two instances: on
// PostgreSQL with its own connection pool; on PGlite (one process only) sharing the handle.
import { createApp, type App } from '../../server/app';
import { openDatabase, type DatabaseHandle } from '../../server/db/index';
import { createLogger } from '../../server/logger';
import type { TestServer } from './server';

export async function startSecondInstance(
  first: TestServer,
): Promise<{ url: string; app: App; close(): Promise<void> }> {
  const own = first.db.url !== null;
  const database: DatabaseHandle = own ? openDatabase({ kind: 'postgres', url: first.db.url!, poolSize: 5 }) : first.db;
  const app = createApp({
    config: first.config,
    database,
    clock: first.clock,
    logger: createLogger('silent'),
    // Every answer is checked against its schema in shared/api (server/http/answer-check.ts).
    checkAnswers: true,
    clientDir: null,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: async () => {
      await app.close();
      if (own) await database.close();
    },
  };
}
