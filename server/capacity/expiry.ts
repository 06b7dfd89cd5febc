// Holds run out on their own: the board frees the place and the worker who held it is told. Run
// before every hold action and by a timer, so an expired hold never blocks a unit.
import { repeat } from '../repeat';
import type { Services } from '../services';
import { queueReferrerUpdatesForHolds } from '../referrer/confirmation';
import { boardCache } from './board-cache';

/**
 * After the commit of a change to the board: every desk console gets the new board (board-cache.ts).
 * @public
 */
export function announceBoard(services: Services, placeId: string): void {
  boardCache(services).announce(services, placeId);
}

/** @public */
export async function expireDueHolds(services: Services, placeId?: string): Promise<number> {
  const now = services.clock.now();
  // The expiry and the referrers' updates commit together: a crash leaves both or neither.
  const { expired, announceIntakes } = await services.db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('holds')
      .set({ status: 'expired', closed_at: now, updated_at: now })
      .where('status', '=', 'held')
      .where('expires_at', '<=', now);
    if (placeId) q = q.where('place_id', '=', placeId);
    const rows = await q.returning(['id', 'place_id', 'created_by', 'initials']).execute();
    const announce = await queueReferrerUpdatesForHolds(
      services,
      trx,
      rows.map((h) => h.id),
      'released',
    );
    return { expired: rows, announceIntakes: announce };
  });
  announceIntakes();
  for (const h of expired) {
    announceBoard(services, h.place_id);
    services.realtime.publishToUser(h.created_by, 'hold:expired', {
      holdId: h.id,
      placeId: h.place_id,
      initials: h.initials,
    });
  }
  return expired.length;
}

/** @public */
export const startHoldExpiry = (services: Services, everyMs = 15_000) =>
  repeat(services, everyMs, 'hold expiry sweep', () => expireDueHolds(services));
