import { api, apiIfChanged } from './client';

export interface Hold {
  id: string;
  unit: number;
  initials: string;
  status: 'held' | 'placed';
  expiresAt: string;
  /** When the person arrived (status placed). */
  placedAt?: string | null;
  createdBy: string;
}
export interface Place {
  id: string;
  name: string;
  provider: string;
  type: string;
  suits: string[];
  roomType: string;
  municipality: { nis: string; name: string; eerstelijnszone: string };
  costPerNightCents: number;
  phone: string | null;
  address: string | null;
  confidentialAddress: boolean;
  meetingPoint?: string | null;
  units: number;
  free: number;
  unmet: string[];
  suitable: boolean;
  hotelCount: { rooms: number; confirmedBy: string; method: string; confirmedAt: string; stale: boolean } | null;
  holds: Hold[];
}
export interface Board {
  at: string;
  night: string;
  /** The region's board version: a newer one replaces an older one, never the other way round. */
  version?: number;
  places: Place[];
}
/** `board:changed`: the version and, normally, the whole board of the console's role scope, not yet seen for a household. */
export interface BoardChanged {
  placeId: string;
  at: string;
  version?: number;
  board?: { at: string; night: string; region: string; version: number; places: Omit<Place, 'unmet' | 'suitable'>[] };
}
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
}) => api<{ id: string; expiresAt: string }>('/api/holds', { method: 'POST', body });
export const holdAction = (id: string, action: 'place' | 'release' | 'end') =>
  api(`/api/holds/${id}/${action}`, { method: 'POST' });
export const extendHold = (id: string, minutes: number, reason: string) =>
  api(`/api/holds/${id}/extend`, { method: 'POST', body: { minutes, reason } });
export const setHotelCount = (id: string, rooms: number, confirmedBy: string) =>
  api(`/api/places/${id}/count`, { method: 'POST', body: { rooms, confirmedBy, method: 'phone' } });
export const callThroughDesk = (id: string) => api(`/api/places/${id}/call`, { method: 'POST' });
export const askHotels = () => api<{ asked: number }>('/api/hotels/ask', { method: 'POST' });
