// Intakes: the answers' types are inferred from the contract (shared/api/intake.ts).
import type { z } from 'zod';
import type { IntakeDetail, IntakeListItem, referrerSmsStoppedAnswer } from '../../../shared/api/intake';
import { api } from './client';

export type { HandoffEvent, IntakeDetail, IntakeListItem, ReferrerSms } from '../../../shared/api/intake';
export type Reason = IntakeDetail['competence']['reason'];

export const stopReferrerSms = (id: string) =>
  api<z.output<typeof referrerSmsStoppedAnswer>>(`/api/referrer-sms/${id}/cancel`, { method: 'POST' });

export const fetchIntakes = (signal: AbortSignal) => api<IntakeListItem[]>('/api/intakes', { signal });
export const fetchIntake = (id: string, signal?: AbortSignal) => api<IntakeDetail>(`/api/intakes/${id}`, { signal });
export const createIntake = (body: unknown) => api<IntakeDetail>('/api/intakes', { method: 'POST', body });
export const holdForIntake = (id: string, placeId: string) =>
  api<IntakeDetail>(`/api/intakes/${id}/hold`, { method: 'POST', body: { placeId } });
export const adoptHold = (id: string, holdId: string) =>
  api<IntakeDetail>(`/api/intakes/${id}/adopt-hold`, { method: 'POST', body: { holdId } });
export const placeIntake = (id: string) => api<IntakeDetail>(`/api/intakes/${id}/place`, { method: 'POST' });
export const overrideCompetence = (id: string, body: { nis: string; reason: string }) =>
  api<IntakeDetail>(`/api/intakes/${id}/competence`, { method: 'POST', body });
