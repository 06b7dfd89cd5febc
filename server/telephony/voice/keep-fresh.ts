// Keeps the last-known rota at most a minute old, so a database outage between calls does not leave
// the line with a stale rota. Loads the copy on disk first: after a restart without the database
// the line still knows whom to ring.
import type { Services } from '../../services';
import { readSnapshot } from './last-known-rota';

const EVERY_MS = 60_000;

export function keepRotaFresh(services: Services): () => void {
  const refresh = async () => {
    try {
      await services.lastKnownRota.remember(await readSnapshot(services.db, services.clock.now()));
    } catch (err) {
      services.logger.warn({ err }, 'could not refresh the last-known rota; the line keeps the previous copy');
    }
  };
  void services.lastKnownRota.loadFromDisk().then(refresh);
  const timer = setInterval(refresh, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
