// Keeps the last-known rota at most REFRESH_MS old (also the most another instance lags behind a rota
// change made elsewhere), and refreshes it at once after a change made here. Loads the copy on disk
// first: after a restart without the database the line still knows whom to ring.
import { repeat } from '../../repeat';
import type { Services } from '../../services';
import { readSnapshot } from './last-known-rota';

const REFRESH_MS = 15_000;

export async function refreshLastKnownRota(services: Services, opts: { throwOnError?: boolean } = {}): Promise<void> {
  try {
    await services.lastKnownRota.remember(await readSnapshot(services.db, services.clock.now()));
  } catch (err) {
    if (opts.throwOnError) throw err;
    services.logger.warn({ err }, 'could not refresh the last-known rota; the line keeps the previous copy');
  }
}

export function keepRotaFresh(services: Services): () => void {
  void services.lastKnownRota.loadFromDisk().then(() => refreshLastKnownRota(services));
  return repeat(services, REFRESH_MS, 'last-known rota refresh', () => refreshLastKnownRota(services));
}
