import type { Override, Rotation, Segment, Swap } from '../../../shared/rules/rota/model';
import { api } from './client';

export type { Override, Rotation, Segment, Swap };
export interface StaffMember {
  id: string;
  name: string;
  role: string;
}
export interface RotaRange {
  from: string;
  to: string;
  segments: Segment[];
  rotations: Rotation[];
  overrides: Override[];
  swaps: Swap[];
  staff: StaffMember[];
}
export interface Shift {
  start: string;
  end: string;
  slot: 'primary' | 'backup' | 'coordinator';
}
export interface Gaps {
  noPrimary: Segment[];
  warnings: (Segment & { missing: string[] })[];
}
export interface NightAlert {
  night: { date: string; start: string; end: string };
  gaps: Segment[];
}

export const fetchRota = (from: string, to: string, signal: AbortSignal) =>
  api<RotaRange>(`/api/rota?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal });
export const fetchGaps = (signal: AbortSignal) => api<Gaps>('/api/rota/gaps?days=14', { signal });
export const fetchNightAlerts = (signal: AbortSignal) =>
  api<{ nightGaps: NightAlert[] }>('/api/rota/alerts', { signal });
export const fetchMyShifts = (signal: AbortSignal) => api<{ shifts: Shift[] }>('/api/rota/me', { signal });
export const newIcalLink = () => api<{ url: string }>('/api/rota/me/ical', { method: 'POST' });
export const createOverride = (body: {
  slot: string;
  userId: string | null;
  start: string;
  end: string;
  reason?: string;
}) => api('/api/rota/overrides', { method: 'POST', body });
export const deleteOverride = (id: string) => api(`/api/rota/overrides/${id}`, { method: 'DELETE' });
export const createRotation = (body: Omit<Rotation, 'id'>) => api('/api/rota/rotations', { method: 'POST', body });
export const deleteRotation = (id: string) => api(`/api/rota/rotations/${id}`, { method: 'DELETE' });
export const requestSwap = (body: { slot: string; fromUserId: string; toUserId: string; start: string; end: string }) =>
  api('/api/rota/swaps', { method: 'POST', body });
export const decideSwap = (id: string, verb: 'accept' | 'reject' | 'cancel') =>
  api(`/api/rota/swaps/${id}/${verb}`, { method: 'POST' });
