import type { CompetenceFacts } from '../../../shared/rules/competence';
import { api } from './client';

export interface Reason {
  nl: string;
  en: string;
}
export interface HandoffEvent {
  at: string;
  kind: string;
  ocmw: string;
  by: string | null;
  detail: Record<string, unknown> | null;
}
export interface IntakeDetail {
  id: string;
  reference: string | null;
  status: 'open' | 'held' | 'placed' | 'closed';
  createdAt: string;
  call: { id: string; from: string | null; callerName: string | null; startedAt: string } | null;
  referrer: { kind: string; organisation: string; person?: string; phone?: string; badge?: string };
  person: { name: string; birthDate: string | null; birthYear: number | null; sex: string | null; rrn: string | null };
  household: { type: string; adults: number; children: number; childrenAges: number[] | null };
  ethos: string;
  previousNights: string | null;
  needs: string[];
  story: string | null;
  facts: CompetenceFacts;
  competence: {
    nis: string;
    name: string;
    rule: string;
    reason: Reason;
    law: { nis: string; rule: string; reason: Reason };
    agreement?: { label: string };
    override?: { reason: string };
  };
  hold: {
    id: string;
    status: string;
    expiresAt: string;
    placedAt: string | null;
    place: {
      id: string;
      name: string;
      type: string;
      municipality: string;
      phone: string | null;
      address: string | null;
      confidentialAddress: boolean;
    };
  } | null;
  guarantee: {
    ocmw: { nis: string; name: string };
    firstNight: string;
    nights: number;
    costPerNightCents: number;
    totalCents: number;
  } | null;
  handoff: {
    id: string;
    status: 'open' | 'acknowledged' | 'closed';
    ocmw: { nis: string; name: string };
    dueAt: string;
    receivedAt: string;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    outcome: string | null;
    closedAt: string | null;
    escalatedAt: string | null;
    events: HandoffEvent[];
  } | null;
  referrerSms: { canText: boolean; why: Reason | null; messages: ReferrerSms[] } | null;
  earlier: {
    id: string;
    createdAt: string;
    competentName: string;
    ethos: string;
    householdType: string;
    placeName: string | null;
    outcome: string | null;
  }[];
}
export interface ReferrerSms {
  id: string;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  leavesAt: string | null;
}
export const stopReferrerSms = (id: string) =>
  api<{ id: string; status: string }>(`/api/referrer-sms/${id}/cancel`, { method: 'POST' });
export interface IntakeListItem {
  id: string;
  reference: string | null;
  name: string;
  status: string;
  createdAt: string;
  householdType: string;
  children: number;
  placeName: string | null;
  holdStatus: string | null;
}

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
