// The board: answer types inferred from the contract (shared/api/board.ts).
import type { z } from 'zod';
import type { Board, heldAnswer, hotelsAskedAnswer } from '../../../shared/api/board';
import type { ServerEventPayload } from '../../../shared/api/events';
import { api, apiIfChanged } from './client';

export type { Board, Hold, Place } from '../../../shared/api/board';
/** A neighbouring region's suitable free places (issue 15 part 4). */
export type NeighbourOffer = Board['neighbours'][number];
/** This desk's hold on a neighbouring region's place (issue 15 part 4). */
export type HeldAtNeighbour = Board['heldAtNeighbours'][number];
/** `board:changed`: the version and, normally, the whole board of the console's role scope, not yet seen for a household. */
export type BoardChanged = ServerEventPayload<'board:changed'>;

export interface BoardFilter {
  adults: number;
  children: number;
  needs: string[];
  municipality: string;
  types: string[];
}

export function boardQuery(f: BoardFilter): string {
  const q = new URLSearchParams({ adults: String(f.adults), children: String(f.children) });
  if (f.needs.length) q.set('needs', f.needs.join(','));
  if (f.municipality) q.set('municipality', f.municipality);
  if (f.types.length) q.set('types', f.types.join(','));
  return q.toString();
}

export const fetchBoard = (query: string, signal: AbortSignal) => api<Board>(`/api/board?${query}`, { signal });
/** The board unless the server still has the one of `etag` (then null). */
export const fetchBoardIfChanged = (query: string, etag: string | null, signal: AbortSignal) =>
  apiIfChanged<Board>(`/api/board?${query}`, etag, { signal });
export const holdPlace = (body: {
  placeId: string;
  initials: string;
  household: { adults: number; children: number; needs: string[] };
  overrideReason?: string;
}) => api<z.output<typeof heldAnswer>>('/api/holds', { method: 'POST', body });
export const holdAction = (id: string, action: 'place' | 'release' | 'end') =>
  api(`/api/holds/${id}/${action}`, { method: 'POST' });
export const extendHold = (id: string, minutes: number, reason: string) =>
  api(`/api/holds/${id}/extend`, { method: 'POST', body: { minutes, reason } });
export const setHotelCount = (id: string, rooms: number, confirmedBy: string) =>
  api(`/api/places/${id}/count`, { method: 'POST', body: { rooms, confirmedBy, method: 'phone' } });
export const callThroughDesk = (id: string) => api(`/api/places/${id}/call`, { method: 'POST' });
export const askHotels = () => api<z.output<typeof hotelsAskedAnswer>>('/api/hotels/ask', { method: 'POST' });
