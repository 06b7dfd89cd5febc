// The phone line as the console sees it: calls and their chain, alarms, known callers, the call
// simulator (demo), and the SMS sent and received.
import { z } from 'zod';
import { phoneSchema } from '../rules/phone';
import { say } from '../rules/say';

/** @public */
export const callIdParams = z.strictObject({ id: z.uuid(say('geen geldige oproep-id', 'not a valid call id')) });
/** @public */
export const callsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
/** @public */
export const callBackBody = z.strictObject({ note: z.string().trim().max(500).optional() });

const chainRole = z.enum(['primary', 'backup', 'coordinator', 'day']);

/** @public */
export const callSchema = z.object({
  id: z.string(),
  sid: z.string(),
  from: z.string().nullable(),
  callerName: z.string().nullable(),
  outOfHours: z.boolean(),
  outcome: z.enum(['ringing', 'answered', 'voicemail', 'missed']),
  status: z.string(),
  step: z.number(),
  /** Whom the line rings, in order. */
  chain: z.array(z.object({ role: chainRole, userId: z.string().nullable(), name: z.string(), number: z.string() })),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSec: z.number().nullable(),
  answeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordingUrl: z.string().nullable(),
  previousCallId: z.string().nullable(),
  /** The open case this call is a call-back about: the console opens it instead of a new intake. */
  aboutCase: z.object({ intakeId: z.string(), reference: z.string().nullable() }).nullable(),
  legs: z.array(
    z.object({
      step: z.number(),
      role: z.string(),
      name: z.string().nullable(),
      number: z.string(),
      status: z.string(),
      ringSec: z.number().nullable(),
    }),
  ),
  alarm: z
    .object({
      raisedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      calledBackAt: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
/** @public */
export type Call = z.output<typeof callSchema>;
/** @public */
export type CallLeg = Call['legs'][number];

/** @public */
export const callsAnswer = z.object({ calls: z.array(callSchema) });
/** @public */
export const callAnswer = z.object({ call: callSchema, earlier: z.array(callSchema) });
/** @public */
export const alarmsAnswer = z.object({ alarms: z.array(callSchema) });
/** @public */
export const calledBackAnswer = z.object({ id: z.string(), calledBack: z.literal(true) });

const directoryKind = z.enum(['police', 'hospital', 'service', 'other']);
/** @public */
export const directoryBody = z.strictObject({
  number: phoneSchema,
  name: z.string().trim().min(1).max(120),
  kind: directoryKind,
  /** The language the desk texts this organisation's people in. */
  language: z.enum(['nl', 'fr']).optional(),
});
/** @public */
export const directoryAnswer = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      name: z.string(),
      kind: directoryKind,
      language: z.enum(['nl', 'fr']),
    }),
  ),
});
/** @public */
export const directoryAddedAnswer = z.object({ id: z.string(), number: z.string() });

/** @public */
export const simulatorAnswer = z.object({ available: z.boolean() });
const behaviour = z.enum(['accepts', 'silent', 'busy', 'no-answer', 'fails']);
/** @public */
export const simulateBody = z.strictObject({
  from: phoneSchema,
  /** What each step of the chain does, in order; steps beyond the list do not answer. */
  steps: z.array(behaviour).max(3).default(['accepts']),
  voicemail: z.boolean().default(true),
});
/** @public */
export const simulatedAnswer = z.object({
  sid: z.string(),
  dialled: z.array(z.object({ number: z.string(), outcome: z.string() })),
  /** What the caller heard, in order. */
  heard: z.array(z.string()),
});

/** @public */
export const outboxAnswer = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      body: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
/** @public */
export type OutboxMessage = z.output<typeof outboxAnswer>['messages'][number];

/** @public */
export const inboxAnswer = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      fromName: z.string().nullable(),
      body: z.string(),
      handledAs: z.string(),
      receivedAt: z.string(),
    }),
  ),
});
/** @public */
export type InboxMessage = z.output<typeof inboxAnswer>['messages'][number];
