/**
 * The board as one worker sees it: the places of tonight (the same for everyone of a role scope) seen
 * for the household being placed. Suitable and free first, the ordinary before the specialised (refuge,
 * crisis bed), then nearest: same municipality, same eerstelijnszone, the rest; then by name.
 * The server answers `GET /api/board` with it and the console applies it to a board that came with a
 * `board:changed` event, so both always show the same order.
 */
import { nightBounds } from './night';
import { SPECIALISED_TYPES, unmetNeeds, type Household, type SuitTag } from './suitability';

/** @public */
export interface BoardPlace {
  name: string;
  type: string;
  suits: readonly string[];
  municipality: { nis: string; eerstelijnszone: string };
  free: number;
}

/** @public */
export interface BoardViewFilter {
  household?: Household | null;
  /** The municipality where help is asked, with its eerstelijnszone; null: no nearness. */
  municipality?: { nis: string; eerstelijnszone: string } | null;
  types?: readonly string[];
}

/** @public */
export type ViewedPlace<P extends BoardPlace> = P & { unmet: SuitTag[]; suitable: boolean; distance: number };

/** Dutch order of names; one collator (localeCompare with a locale builds one per call, 100x slower). */
const byName = new Intl.Collator('nl');
/**
 * The names seen so far, ranked in Dutch order once: a view compares ranks, not strings. A collator call
 * was most of a view's time (a console on a slow phone; 500 simulated consoles in one bench process).
 */
const ranks = new Map<string, number>();
const MAX_RANKED = 10_000;
function ranked(names: readonly string[]): Map<string, number> {
  if (names.every((n) => ranks.has(n))) return ranks;
  const all = [...new Set([...(ranks.size < MAX_RANKED ? ranks.keys() : []), ...names])].sort(byName.compare);
  ranks.clear();
  for (const [i, name] of all.entries()) ranks.set(name, i);
  return ranks;
}

/** @public */
export function boardView<P extends BoardPlace>(places: readonly P[], f: BoardViewFilter): ViewedPlace<P>[] {
  const near = f.municipality ?? null;
  const rows = places
    .filter((p) => !f.types?.length || f.types.includes(p.type))
    .map((p) => {
      const unmet = f.household ? unmetNeeds(p.suits, f.household) : [];
      const distance = !near
        ? 0
        : p.municipality.nis === near.nis
          ? 0
          : p.municipality.eerstelijnszone === near.eerstelijnszone
            ? 1
            : 2;
      return { ...p, unmet, suitable: unmet.length === 0, distance };
    });
  const special = (r: { type: string }) => Number(SPECIALISED_TYPES.includes(r.type));
  const rank = ranked(rows.map((r) => r.name));
  return rows.sort(
    (a, b) =>
      Number(b.suitable) - Number(a.suitable) ||
      Number(b.free > 0) - Number(a.free > 0) ||
      special(a) - special(b) ||
      a.distance - b.distance ||
      rank.get(a.name)! - rank.get(b.name)!,
  );
}

/**
 * The shift summary's board figures (server/handoffs/shift-summary.ts), counted from a board: holds
 * still held, people placed since the night began, partner hotels without a fresh count. The console
 * counts them from the board a `board:changed` brings instead of asking the server again.
 * @public
 */
export function shiftCountsOf(board: {
  night: string;
  places: readonly {
    type: string;
    hotelCount: { stale: boolean } | null;
    holds: readonly { status: string; placedAt?: string | null }[];
  }[];
}): { holds: number; placed: number; staleHotels: number } {
  const start = nightBounds(board.night).start.toMillis();
  const holds = board.places.flatMap((p) => p.holds);
  return {
    holds: holds.filter((h) => h.status === 'held').length,
    placed: holds.filter((h) => h.status === 'placed' && h.placedAt && Date.parse(h.placedAt) >= start).length,
    staleHotels: board.places.filter((p) => p.type === 'hotel' && (!p.hotelCount || p.hotelCount.stale)).length,
  };
}
