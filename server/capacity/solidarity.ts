// Solidarity across regions (issue 15 part 4). When no suitable place is free in the worker's region, the board
// shows the free places of the neighbouring regions (`neighbours` in region.json), clearly as theirs: counts, phone,
// how fresh a hotel's count is. A hold across regions needs both regions to have agreed (`holdsAllowed` both ways).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Household } from '../../shared/rules/suitability';
import { regionSettings } from '../region/settings';
import { readBoard } from './board';

type Db = Kysely<Database> | Transaction<Database>;

/** Whether a worker of `from` may hold a place of `to`: both regions name each other with `holdsAllowed`. */
export async function holdsAgreed(db: Db, from: string, to: string): Promise<boolean> {
  if (from === to) return true;
  const [a, b] = await Promise.all([regionSettings(db, from), regionSettings(db, to)]);
  const says = (s: typeof a, other: string) => (s.neighbours ?? []).some((n) => n.region === other && n.holdsAllowed);
  return says(a, to) && says(b, from);
}

export interface NeighbourOffer {
  region: { code: string; name: string };
  /** Both regions agreed that a worker here may hold there. */
  holdsAllowed: boolean;
  freePlaces: number;
  freeUnits: number;
  places: {
    id: string;
    name: string;
    type: string;
    municipality: string;
    free: number;
    phone: string | null;
    /** A hotel's count for tonight: when it was confirmed, and whether it is stale. */
    countedAt: string | null;
    stale: boolean;
  }[];
}

/** The suitable free places of each neighbouring region (no addresses: the worker rings the place). */
export async function neighbourOffers(
  db: Kysely<Database>,
  now: Date,
  region: string,
  household: Household | undefined,
): Promise<NeighbourOffer[]> {
  const own = await regionSettings(db, region);
  const offers: NeighbourOffer[] = [];
  for (const n of own.neighbours ?? []) {
    const other = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', '=', n.region)
      .executeTakeFirst();
    if (!other) continue; // a neighbour this deployment does not serve
    const theirs = await regionSettings(db, other.code);
    const board = await readBoard(
      db,
      now,
      'duty_worker',
      { household, region: other.code },
      theirs.board?.staleAfterHours,
    );
    const free = board.places.filter((p) => p.free > 0 && p.suitable);
    offers.push({
      region: { code: other.code, name: other.name },
      holdsAllowed: await holdsAgreed(db, region, other.code),
      freePlaces: free.length,
      freeUnits: free.reduce((s, p) => s + p.free, 0),
      places: free.map((p) => ({
        id: p.id,
        name: p.name,
        type: p.type,
        municipality: p.municipality.name,
        free: p.free,
        phone: p.phone,
        countedAt: p.hotelCount?.confirmedAt ?? null,
        stale: p.hotelCount?.stale ?? false,
      })),
    });
  }
  return offers;
}
