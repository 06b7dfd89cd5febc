// Keeps the last-known rota at most REFRESH_MS old (also the most another instance lags behind a rota
// change made elsewhere), and refreshes it at once after a change made here. Loads the copy on disk
// first: after a restart without the database the line still knows whom to ring.
import { repeat } from '../../repeat';
import type { Services } from '../../services';
import { readSnapshot } from './last-known-rota';

const REFRESH_MS = 15_000;

/** @public */
export async function refreshLastKnownRota(services: Services, opts: { throwOnError?: boolean } = {}): Promise<void> {
  try {
    await services.lastKnownRota.remember(await readSnapshot(services.db, services.clock.now()));
  } catch (err) {
    if (opts.throwOnError) throw err;
    services.logger.warn({ err }, 'could not refresh the last-known rota; the line keeps the previous copy');
  }
}

/** @public */
export function keepRotaFresh(services: Services): () => void {
  void services.lastKnownRota.loadFromDisk().then(() => refreshLastKnownRota(services));
  const stopRefresh = repeat(services, REFRESH_MS, 'last-known rota refresh', () => refreshLastKnownRota(services));
  const stopEdges = keepPlanAhead(services);
  return () => {
    stopRefresh();
    stopEdges();
  };
}

/**
 * Computes whom the line rings just after each edge (a handover, a whole minute for office hours; the
 * shared rota rules put them on the Brussels wall clock, DST included), so the first call after a shift
 * change does not compute it. Timers only run this ahead: the plan itself is checked against the
 * project's clock at every call, so a late timer (or a test's clock) never rings the previous shift.
 */
function keepPlanAhead(services: Services): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    let wait = EDGE_MAX_WAIT_MS;
    try {
      const now = services.clock.now().getTime();
      const until = services.lastKnownRota.prepare(new Date(now));
      if (until !== null) wait = Math.min(EDGE_MAX_WAIT_MS, Math.max(EDGE_MIN_WAIT_MS, until - now + 1));
    } catch (err) {
      services.logger.warn({ err }, 'could not compute the plan ahead; calls compute it');
    }
    timer = setTimeout(tick, wait);
    timer.unref();
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

const EDGE_MIN_WAIT_MS = 50;
const EDGE_MAX_WAIT_MS = 60_000;
