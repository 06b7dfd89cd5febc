import { api } from './client';
import type { IntakeDetail } from './intake';

export interface HandoffItem {
  id: string;
  intakeId: string;
  reference: string | null;
  status: 'open' | 'acknowledged' | 'closed';
  dueAt: string;
  acknowledgedAt: string | null;
  outcome: string | null;
  overdue: boolean;
  escalated: boolean;
  ocmw: { nis: string; name: string };
  person: string;
  household: { type: string; adults: number; children: number };
  place: { name: string; type: string } | null;
  nights: number | null;
  totalCents: number | null;
}
export interface ShiftSummary {
  night: string;
  holds: { id: string; initials: string; place: string; expiresAt: string }[];
  placedTonight: { id: string; initials: string; place: string; placedAt: string }[];
  missedCalls: { callId: string; from: string | null; callerName: string | null; at: string }[];
  handoffsOpen: { id: string; ocmw: string; dueAt: string; overdue: boolean }[];
  staleHotels: { placeId: string; name: string; confirmedAt: string | null }[];
}

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
