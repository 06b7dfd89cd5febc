/**
 * A board change as a patch: the places whose row differs between two readings of a region's board, and
 * the ids of those gone. 500 consoles each receive a kilobyte instead of the whole board (20 kB for the
 * Kempen) and see it for their filter from the board they hold; the server diffs once per change
 * (server/capacity/board-cache.ts). A patch applies only to the reading it was made from (`readingOf`):
 * a console holding another one fetches the board instead.
 */

/**
 * A reading's identity: its version and the moment it stops holding by itself (a hotel count growing
 * stale, the night's end). Two readings of one version in the same stretch of time hold the same rows.
 * @public
 */
export const readingOf = (version: number, validUntil: number): string => `${version}@${validUntil}`;

/** @public */
export interface BoardDiff<P> {
  /** The changed or new places, whole. */
  places: P[];
  /** The ids of places no longer on the board (deactivated, moved to another region). */
  removed: string[];
}

/**
 * What changed from `before` to `after`, row by row (a row is compared whole, as JSON).
 * @public
 */
export function diffBoard<P extends { id: string }>(before: readonly P[], after: readonly P[]): BoardDiff<P> {
  const old = new Map(before.map((p) => [p.id, JSON.stringify(p)]));
  const places = after.filter((p) => old.get(p.id) !== JSON.stringify(p));
  const kept = new Set(after.map((p) => p.id));
  return { places, removed: before.filter((p) => !kept.has(p.id)).map((p) => p.id) };
}

/**
 * The places with a patch applied: changed rows replaced where they stood, new ones added at the end,
 * removed ones dropped. The order is the caller's to restore (boardView sorts; a list already nearly in
 * order sorts in about one pass).
 * @public
 */
export function applyBoardPatch<B extends { id: string }, P extends { id: string }>(
  places: readonly B[],
  diff: BoardDiff<P>,
): (B | P)[] {
  const changed = new Map(diff.places.map((p) => [p.id, p]));
  const removed = new Set(diff.removed);
  const kept = places.filter((p) => !removed.has(p.id)).map((p) => changed.get(p.id) ?? p);
  const present = new Set(places.map((p) => p.id));
  return [...kept, ...diff.places.filter((p) => !present.has(p.id))];
}
