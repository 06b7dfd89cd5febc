// What a console holds after a `board:changed`, as the console's board page gets it: the event's whole board,
// or its patch applied to the board the console held, which must be the reading the patch was made from
// (else the console would fetch; a test that meets that fails here instead).
import { applyBoardPatch } from '../../shared/rules/board-patch';

interface Held<P> {
  reading: string;
  places: readonly P[];
}
/** The parts of a `board:changed` the tests read (payloads arrive untyped through socket.io-client). */
export interface BoardEvent<P = any> {
  placeId: string;
  version: number;
  board?: { region: string; version: number; reading: string; night: string; at: string; places: P[] };
  patch?: {
    region: string;
    version: number;
    reading: string;
    night: string;
    at: string;
    base: string;
    places: P[];
    removed: string[];
    counts: { holds: number; placed: number; staleHotels: number };
  };
}

export function seenAfter<P extends { id: string }>(event: BoardEvent<P>, held: Held<P>) {
  if (event.board) return event.board;
  const patch = event.patch;
  if (!patch) throw new Error('a board:changed without a board or a patch');
  if (patch.base !== held.reading)
    throw new Error(`a patch to reading ${patch.base} while the console holds ${held.reading}`);
  return { ...patch, places: applyBoardPatch(held.places, patch) as P[] };
}

/** The region of the board an event carries, whole or patched. */
export const regionOf = (event: BoardEvent) => (event.board ?? event.patch)?.region;
/** The rows an event carries: the whole board, or only the changed places of a patch. */
export const rowsOf = <P>(event: BoardEvent<P>): P[] => event.board?.places ?? event.patch?.places ?? [];
