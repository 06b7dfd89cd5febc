// The rota: answer types inferred from the contract (shared/api/rota.ts).
import type { z } from 'zod';
import type {
  gapsAnswer,
  icalLinkAnswer,
  myShiftsAnswer,
  nightAlertsAnswer,
  RotaRange,
} from '../../../shared/api/rota';
import type { Rotation } from '../../../shared/rules/rota/model';
import { api } from './client';

export type { Override, Rotation, Segment, Swap } from '../../../shared/rules/rota/model';
export type { RotaRange } from '../../../shared/api/rota';
export type StaffMember = RotaRange['staff'][number];
export type Shift = z.output<typeof myShiftsAnswer>['shifts'][number];
export type Gaps = z.output<typeof gapsAnswer>;
export type NightAlert = z.output<typeof nightAlertsAnswer>['nightGaps'][number];

export const fetchRota = (from: string, to: string, signal: AbortSignal) =>
  api<RotaRange>(`/api/rota?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal });
export const fetchGaps = (signal: AbortSignal) => api<Gaps>('/api/rota/gaps?days=14', { signal });
export const fetchNightAlerts = (signal: AbortSignal) =>
  api<z.output<typeof nightAlertsAnswer>>('/api/rota/alerts', { signal });
export const fetchMyShifts = (signal: AbortSignal) => api<z.output<typeof myShiftsAnswer>>('/api/rota/me', { signal });
export const newIcalLink = () => api<z.output<typeof icalLinkAnswer>>('/api/rota/me/ical', { method: 'POST' });
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
