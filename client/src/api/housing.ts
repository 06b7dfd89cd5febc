// The wooncel API: pool, rules, registrations, proposals, decisions, trajectories, figures.
import { api } from './client';

export interface Words {
  nl: string;
  en: string;
}
export interface Home {
  id: string;
  name: string;
  municipalityNis: string;
  kind: string;
  suits: string[];
  status: 'free' | 'allocated' | 'occupied' | 'inactive';
  occupiedSince: string | null;
}
export interface Pool {
  homes: Home[];
  targets: { nis: string; name: string; population: number; target: number; brought: number }[];
  perInhabitants: number;
}
export interface Household {
  type: string;
  adults: number;
  children: number;
}
export interface Registration {
  id: string;
  municipalityNis: string;
  personName: string;
  household: Household;
  ethos: string;
  origin: string;
  urgency: string;
  supportNeeds: string[];
  registeredAt: string;
  status: string;
  handoffId: string | null;
}
export interface Candidate {
  id: string;
  rank: number;
  decidedBy: string | null;
  daysWaiting: number;
  reasons: (Words & { criterion: string })[];
  personName: string;
  household: Household;
  urgency: string;
}
export interface Proposal {
  home: { id: string; name: string; kind: string };
  rules: Words[];
  ranked: Candidate[];
  excluded: { id: string; personName: string; reasons: Words[] }[];
}
export interface Pending {
  id: string;
  homeName: string;
  personName: string;
  rank: number;
  reason: string | null;
  decidedAt: string;
}
export interface Trajectory {
  id: string;
  homeName: string;
  personName: string;
  household: Household;
  moveIn: string;
  guidance: { by: string; frequency: string };
  endDate: string | null;
  endKind: string | null;
  destination: string | null;
  stayMonths: number;
}
export interface Prefill {
  handoffId: string;
  municipalityNis: string;
  personName: string;
  ethos: string;
  household: Household;
}
export interface Figures {
  period: { from: string; to: string };
  registrations: number;
  housed: { households: number; persons: number; adults: number; children: number };
  householdTypes: { type: string; count: number }[];
  origins: { group: string; count: number; origins: { origin: string; count: number }[] }[];
  finished: { trajectories: number; minMonths: number | null; avgMonths: number | null; maxMonths: number | null };
  outflow: { kind: string; count: number }[];
  destinations: { destination: string; name: string | null; count: number }[];
}

export const fetchRules = (signal: AbortSignal) => api<{ words: Words[] }>('/api/housing/rules', { signal });
export const fetchPool = (signal: AbortSignal) => api<Pool>('/api/housing/homes', { signal });
export const fetchWaiting = (signal: AbortSignal) =>
  api<Registration[]>('/api/housing/registrations?status=waiting', { signal });
export const fetchPending = (signal: AbortSignal) => api<Pending[]>('/api/housing/allocations', { signal });
export const fetchTrajectories = (signal: AbortSignal) => api<Trajectory[]>('/api/housing/trajectories', { signal });
export const fetchProposal = (homeId: string, signal?: AbortSignal) =>
  api<Proposal>(`/api/housing/homes/${homeId}/proposal`, { signal });
export const fetchPrefill = (handoffId: string, signal?: AbortSignal) =>
  api<Prefill>(`/api/housing/prefill/${handoffId}`, { signal });
export const fetchOccupancy = (from: string, to: string, signal: AbortSignal) =>
  api<{ month: string; homeDays: number; occupiedDays: number; rate: number }[]>(
    `/api/housing/occupancy?from=${from}&to=${to}`,
    { signal },
  );
export const fetchHousingFigures = (signal: AbortSignal) => api<Figures>('/api/housing/figures', { signal });
export const register = (body: Record<string, unknown>) =>
  api<Registration>('/api/housing/registrations', { method: 'POST', body });
export const allocate = (homeId: string, registrationId: string, reason?: string) =>
  api(`/api/housing/homes/${homeId}/allocate`, {
    method: 'POST',
    body: reason ? { registrationId, reason } : { registrationId },
  });
export const moveIn = (allocationId: string, body: { moveIn: string; guidance: { by: string; frequency: string } }) =>
  api(`/api/housing/allocations/${allocationId}/move-in`, { method: 'POST', body });
export const endTrajectory = (id: string, body: { endDate: string; kind: string; destination: string }) =>
  api(`/api/housing/trajectories/${id}/end`, { method: 'POST', body });
