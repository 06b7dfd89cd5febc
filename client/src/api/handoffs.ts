// The OCMW's queue: answer types inferred from the contract (shared/api/handoffs.ts).
import type { HandoffItem, ShiftSummary } from '../../../shared/api/handoffs';
import { api } from './client';
import type { IntakeDetail } from './intake';

export type { HandoffItem, ShiftSummary } from '../../../shared/api/handoffs';

export const fetchHandoffs = (signal: AbortSignal) => api<HandoffItem[]>('/api/handoffs', { signal });
export const fetchHandoff = (id: string, signal?: AbortSignal) => api<IntakeDetail>(`/api/handoffs/${id}`, { signal });
export const fetchShiftSummary = (signal: AbortSignal) => api<ShiftSummary>('/api/handover', { signal });
const post = (id: string, action: string, body: unknown = {}) =>
  api<IntakeDetail>(`/api/handoffs/${id}/${action}`, { method: 'POST', body });
export const acknowledgeHandoff = (id: string) =>
  api<IntakeDetail>(`/api/handoffs/${id}/acknowledge`, { method: 'POST' });
export const recordFollowUp = (id: string, outcome: string, note: string) =>
  post(id, 'follow-up', { outcome, ...(note ? { note } : {}) });
export const forwardHandoff = (id: string, toNis: string, reason: string) => post(id, 'forward', { toNis, reason });
export const closeHandoff = (id: string, note: string) => post(id, 'close', note ? { note } : {});
