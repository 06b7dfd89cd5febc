import { api } from './client';

export interface CallLeg {
  step: number;
  role: string;
  name: string | null;
  number: string;
  status: string;
  ringSec: number | null;
}
export interface Call {
  id: string;
  sid: string;
  from: string | null;
  callerName: string | null;
  outOfHours: boolean;
  outcome: 'ringing' | 'answered' | 'voicemail' | 'missed';
  status: string;
  step: number;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  answeredBy: { id: string; name: string } | null;
  recordingUrl: string | null;
  previousCallId: string | null;
  aboutCase: { intakeId: string; reference: string | null } | null;
  legs: CallLeg[];
  alarm: { raisedAt: string; acknowledgedAt: string | null; calledBackAt: string | null; note: string | null } | null;
}

export const fetchCalls = (signal: AbortSignal) => api<{ calls: Call[] }>('/api/calls', { signal });
export const fetchAlarms = (signal: AbortSignal) => api<{ alarms: Call[] }>('/api/alarms', { signal });
export const recordCallBack = (id: string) => api(`/api/calls/${id}/callback`, { method: 'POST', body: {} });
export const fetchSimulator = (signal?: AbortSignal) => api<{ available: boolean }>('/api/simulator', { signal });
export const simulateCall = (body: { from: string; steps: string[]; voicemail: boolean }) =>
  api<{ sid: string }>('/api/simulator/calls', { method: 'POST', body });

export interface OutboxMessage {
  id: string;
  to: string;
  body: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
export interface InboxMessage {
  id: string;
  from: string;
  fromName: string | null;
  body: string;
  handledAs: string;
  receivedAt: string;
}
export const fetchOutbox = (signal: AbortSignal) => api<{ messages: OutboxMessage[] }>('/api/outbox', { signal });
export const fetchInbox = (signal: AbortSignal) => api<{ messages: InboxMessage[] }>('/api/sms', { signal });
