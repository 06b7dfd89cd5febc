// Starts the desk: configuration, database and migrations, region data and demo data, HTTP.
// Stops it within a bound on SIGTERM, and never hangs silently after an error nobody caught.
import { createApp, type App } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { lockDataFolder, type DataLock } from './db/data-lock';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/index';
import { createLogger } from './logger';
import { reencryptRrns } from './intake/rrn-rotation';
import { hashPassword } from './auth/passwords';
import { DEMO_LOGINS, seedOnStart } from './seed/demo';
import { syncBelgiumIfChanged } from './region/belgium-sync';

// Everything the desk writes (PGlite's files, the journal, the last-known rota) is for its own user only.
process.umask(0o077);
const config = loadConfig();
const logger = createLogger(config.logLevel);

let app: App | null = null;
let database: DatabaseHandle | null = null;
let lock: DataLock | null = null;

async function main(): Promise<void> {
  if (config.database.kind === 'pglite' && config.database.dataDir) {
    lock = await lockDataFolder(config.database.dataDir, config.dataLockWaitMs);
  }
  database = openDatabase(config.database);
  logger.info(
    { database: config.database.kind === 'postgres' ? 'postgres' : `pglite at ${config.database.dataDir}` },
    'opening database',
  );
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.rrnKeys) {
    const n = await reencryptRrns(database.db, config.rrnKeys);
    if (n) logger.info({ rrns: n }, 'national register numbers encrypted with the current RRN_KEY');
  }
  const { seeded, added, unconfigured } = await seedOnStart(database.db, config, {
    hashPassword,
    now: systemClock.now(),
  });
  if (seeded)
    logger.info(
      { regions: config.regions },
      config.seed === 'demo' ? 'demo data loaded: the regions, places and a duty team each' : 'region data loaded',
    );
  else if (added.length)
    logger.info(
      { regions: added },
      config.seed === 'demo'
        ? 'regions added to this database: their data, demo places and duty team'
        : 'regions added to this database: their data',
    );
  // Never deleted: a region dropped from REGIONS keeps its data and is still served until someone decides.
  if (unconfigured.length)
    logger.warn(
      { regions: unconfigured },
      `regions in the database but not in REGIONS, kept as they are and still served: ${unconfigured.join(', ')}`,
    );
  if (config.seed === 'demo') await warnAboutDemoLogins(database);
  // A database from before migration 011, or from before a new list, gets every Belgian municipality.
  if (await syncBelgiumIfChanged(database.db, new Date())) logger.info('Belgian municipalities loaded');
  app = createApp({ config, database, clock: systemClock, logger });
  const port = await app.listen();
  logger.info(`Permanentie listens on http://localhost:${port} (public URL ${config.publicUrl})`);
}

async function warnAboutDemoLogins(db: DatabaseHandle): Promise<void> {
  const present = await db.db.selectFrom('users').select('username').where('username', 'in', DEMO_LOGINS).execute();
  if (present.length) {
    logger.warn(
      { users: present.map((u) => u.username) },
      'DEMO LOGINS EXIST with password "demo" (the users listed here): never use this database for real work; start real deployments with SEED=none',
    );
  }
}

let stopping = false;
/** Stops taking work, lets what runs finish within the bound, and exits whatever is left. */
function stop(reason: string, code: number): void {
  if (stopping) return;
  stopping = true;
  logger.info({ reason, boundSeconds: config.shutdownTimeoutMs / 1000 }, 'shutting down: finishing open requests');
  // Not unref'd: this timer is the promise that the process ends, whatever else still holds the loop.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting with work left');
    lock?.release();
    process.exit(code || 1);
  }, config.shutdownTimeoutMs);
  (async () => {
    await app?.close();
    await database?.close();
  })().then(
    () => {
      lock?.release();
      logger.info('stopped');
      process.exit(code);
    },
    (err: unknown) => {
      logger.error({ err }, 'error while stopping');
      lock?.release();
      process.exit(code || 1);
    },
  );
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0));
// A promise nobody awaited failed: that piece of work is lost and logged, the desk keeps answering.
process.on('unhandledRejection', (err) => {
  logger.error({ err }, 'unhandled rejection; the desk keeps serving');
});
// An exception nobody caught may have left state half-changed: exit (bounded) so the supervisor starts
// a clean process (systemd Restart=always, the compose file, start:cluster or npm start's own supervisor).
process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception; restarting');
  stop('uncaughtException', 1);
});

main().catch((err: unknown) => {
  logger.fatal({ err }, 'could not start');
  lock?.release();
  process.exit(1);
});
