// The wooncel API: pool, rules, registrations, proposals, decisions, trajectories, figures.
// Answer types inferred from the contract (shared/api/housing.ts).
import type { z } from 'zod';
import type {
  housingFiguresAnswer,
  occupancyAnswer,
  pendingAllocationsAnswer,
  poolAnswer,
  prefillAnswer,
  proposalAnswer,
  registrationSchema,
  rulesAnswer,
  trajectorySchema,
} from '../../../shared/api/housing';
import { api } from './client';

export type Pool = z.output<typeof poolAnswer>;
export type Home = Pool['homes'][number];
export type Registration = z.output<typeof registrationSchema>;
export type Household = Registration['household'];
export type Proposal = z.output<typeof proposalAnswer>;
export type Candidate = Proposal['ranked'][number];
export type Pending = z.output<typeof pendingAllocationsAnswer>[number];
export type Trajectory = z.output<typeof trajectorySchema>;
export type Prefill = z.output<typeof prefillAnswer>;
export type Figures = z.output<typeof housingFiguresAnswer>;
export type Words = z.output<typeof rulesAnswer>['words'][number];

export const fetchRules = (signal: AbortSignal) => api<z.output<typeof rulesAnswer>>('/api/housing/rules', { signal });
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
  api<z.output<typeof occupancyAnswer>>(`/api/housing/occupancy?from=${from}&to=${to}`, { signal });
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
