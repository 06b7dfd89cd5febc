// Starts the desk: configuration, database and migrations, region data and demo data, HTTP.
import { createApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { migrateToLatest, openDatabase } from './db/index';
import { createLogger } from './logger';
import { hashPassword } from './auth/passwords';
import { DEMO_LOGINS, seedDemo, seedRegionIfEmpty } from './seed/demo';
import { syncBelgium } from './region/belgium-sync';

const config = loadConfig();
const logger = createLogger(config.logLevel);

async function main(): Promise<void> {
  const database = openDatabase(config.database);
  logger.info({ database: config.database.kind === 'postgres' ? 'postgres' : `pglite at ${config.database.dataDir}` },
    'opening database');
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.seed === 'demo') {
    const { seeded } = await seedDemo(database.db, { hashPassword });
    if (seeded) logger.info('demo data loaded: the Kempen region, places and a duty team');
    await warnAboutDemoLogins(database);
  } else {
    await seedRegionIfEmpty(database.db);
  }
  await syncBelgium(database.db); // a database from before migration 011 gets every Belgian municipality
  const app = createApp({ config, database, clock: systemClock, logger });
  const port = await app.listen();
  logger.info(`Permanentie listens on http://localhost:${port} (public URL ${config.publicUrl})`);
  shutdownOn(['SIGTERM', 'SIGINT'], async () => {
    await app.close();
    await database.close();
  });
}

async function warnAboutDemoLogins(database: ReturnType<typeof openDatabase>): Promise<void> {
  const present = await database.db.selectFrom('users').select('username').where('username', 'in', DEMO_LOGINS).execute();
  if (present.length) {
    logger.warn({ users: present.map((u) => u.username) },
      'DEMO LOGINS EXIST with password "demo" (permanentie, coordinator, ocmw-turnhout, ocmw-geel, admin): never use this database for real work; start real deployments with SEED=none');
  }
}

function shutdownOn(signals: NodeJS.Signals[], stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing open requests');
      const force = setTimeout(() => { logger.error('shutdown took too long; exiting'); process.exit(1); }, 10_000);
      force.unref();
      stop().then(() => { logger.info('stopped'); process.exit(0); },
        (err: unknown) => { logger.error({ err }, 'error while stopping'); process.exit(1); });
    });
  }
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
});
