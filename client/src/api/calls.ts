// The line: answer types inferred from the contract (shared/api/calls.ts).
import type { z } from 'zod';
import type {
  alarmsAnswer,
  callsAnswer,
  inboxAnswer,
  outboxAnswer,
  simulatedAnswer,
  simulatorAnswer,
} from '../../../shared/api/calls';
import { api } from './client';

export type { Call, CallLeg, InboxMessage, OutboxMessage } from '../../../shared/api/calls';

export const fetchCalls = (signal: AbortSignal) => api<z.output<typeof callsAnswer>>('/api/calls', { signal });
export const fetchAlarms = (signal: AbortSignal) => api<z.output<typeof alarmsAnswer>>('/api/alarms', { signal });
export const recordCallBack = (id: string) => api(`/api/calls/${id}/callback`, { method: 'POST', body: {} });
export const fetchSimulator = (signal?: AbortSignal) =>
  api<z.output<typeof simulatorAnswer>>('/api/simulator', { signal });
export const simulateCall = (body: { from: string; steps: string[]; voicemail: boolean }) =>
  api<z.output<typeof simulatedAnswer>>('/api/simulator/calls', { method: 'POST', body });

export const fetchOutbox = (signal: AbortSignal) => api<z.output<typeof outboxAnswer>>('/api/outbox', { signal });
export const fetchInbox = (signal: AbortSignal) => api<z.output<typeof inboxAnswer>>('/api/sms', { signal });
