// Intakes (aanmelding): the record, its competent OCMW, hold and placement, guarantee and handoff, and
// the texts to the referrer. The intake form's own schema lives with the rules (shared/rules/intake).
import { z } from 'zod';
import { COMPETENCE_RULES, competenceFactsSchema } from '../rules/competence';
import { REFERRER_KINDS } from '../rules/intake/intake-schema';
import { say } from '../rules/say';
import { holdChoiceShape } from './board';
import { reasonSchema } from './common';

/** @public */
export { competenceOverrideSchema, intakeInputSchema } from '../rules/intake/intake-schema';
/** @public */
export const intakeHoldBody = z.strictObject(holdChoiceShape);
/** @public */
export const adoptHoldBody = z.strictObject({
  holdId: z.uuid(say('geen geldige vasthouding-id', 'not a valid hold id')),
});

/** @public */
export const INTAKE_STATUSES = ['open', 'held', 'placed', 'closed'] as const;
/** @public */
export const HANDOFF_STATUSES = ['open', 'acknowledged', 'closed'] as const;
/** @public */
export const HANDOFF_EVENT_KINDS = [
  'created',
  'acknowledged',
  'follow_up',
  'forwarded',
  'closed',
  'escalated',
  'digest',
  'handed_over',
] as const;
const rule = z.enum(COMPETENCE_RULES);

/**
 * The OCMW as the worker needs it: served by the desk (sees the handoff) or handed over by phone or e-mail.
 * @public
 */
export const ocmwSummarySchema = z.object({
  nis: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  served: z.boolean(),
  belgianRegion: z.string().nullable(),
  letterLanguage: z.enum(['nl', 'fr']),
});

/** @public */
export const handoverSchema = z.object({
  method: z.enum(['phone', 'email']),
  /** Phone: with whom (name, function); e-mail: the address written to. */
  contact: z.string(),
  at: z.string(),
  by: z.string(),
  note: z.string().nullable(),
});

/** @public */
export const handoffEventSchema = z.object({
  at: z.string(),
  kind: z.enum(HANDOFF_EVENT_KINDS),
  ocmw: z.string(),
  by: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
/** @public */
export type HandoffEvent = z.output<typeof handoffEventSchema>;

/** @public */
export const referrerSmsSchema = z.object({
  id: z.string(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** Until it is first tried, the worker may still stop it. */
  leavesAt: z.string().nullable(),
});
/** @public */
export type ReferrerSms = z.output<typeof referrerSmsSchema>;

/** @public */
export const intakeDetailAnswer = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  status: z.enum(INTAKE_STATUSES),
  createdAt: z.string(),
  call: z
    .object({ id: z.string(), from: z.string().nullable(), callerName: z.string().nullable(), startedAt: z.string() })
    .nullable(),
  /** Who referred the person, as typed; after pseudonymisation only kind and organisation remain. */
  referrer: z.object({
    kind: z.enum(REFERRER_KINDS),
    organisation: z.string(),
    person: z.string().optional(),
    phone: z.string().optional(),
    badge: z.string().optional(),
  }),
  person: z.object({
    name: z.string(),
    birthDate: z.string().nullable(),
    birthYear: z.number().nullable(),
    sex: z.enum(['f', 'm', 'x']).nullable(),
    /** Masked; only where the deployment may store national register numbers. */
    rrn: z.string().nullable(),
  }),
  pseudonymisedAt: z.string().nullable(),
  household: z.object({
    type: z.string(),
    adults: z.number(),
    children: z.number(),
    childrenAges: z.array(z.number()).nullable(),
  }),
  ethos: z.string(),
  previousNights: z.string().nullable(),
  needs: z.array(z.string()),
  story: z.string().nullable(),
  facts: competenceFactsSchema,
  competence: z.object({
    nis: z.string(),
    name: z.string(),
    rule,
    reason: reasonSchema,
    /** What the law alone says, when an agreement or the worker decided otherwise. */
    law: z.object({ nis: z.string(), rule, reason: reasonSchema }),
    agreement: z.object({ id: z.string(), label: z.string() }).optional(),
    override: z.object({ reason: z.string() }).optional(),
    ocmw: ocmwSummarySchema,
  }),
  hold: z
    .object({
      id: z.string(),
      status: z.string(),
      expiresAt: z.string(),
      placedAt: z.string().nullable(),
      place: z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        municipality: z.string(),
        phone: z.string().nullable(),
        /** Null for a refuge: its address never leaves the building. */
        address: z.string().nullable(),
        confidentialAddress: z.boolean(),
      }),
    })
    .nullable(),
  guarantee: z
    .object({
      ocmw: z.object({ nis: z.string(), name: z.string() }),
      firstNight: z.string(),
      nights: z.number(),
      costPerNightCents: z.number(),
      totalCents: z.number(),
    })
    .nullable(),
  handoff: z
    .object({
      id: z.string(),
      status: z.enum(HANDOFF_STATUSES),
      ocmw: z.object({ nis: z.string(), name: z.string() }),
      dueAt: z.string(),
      receivedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedBy: z.string().nullable(),
      outcome: z.string().nullable(),
      closedAt: z.string().nullable(),
      escalatedAt: z.string().nullable(),
      served: z.boolean(),
      handover: handoverSchema.nullable(),
      events: z.array(handoffEventSchema),
    })
    .nullable(),
  /** Other intakes of the same person that this reader may see. */
  earlier: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      competentNis: z.string(),
      competentName: z.string(),
      ethos: z.string(),
      householdType: z.string(),
      placeName: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  /** The desk's view of the texts to the referrer; null for OCMW staff. */
  referrerSms: z
    .object({ canText: z.boolean(), why: reasonSchema.nullable(), messages: z.array(referrerSmsSchema) })
    .nullable(),
});
/** @public */
export type IntakeDetail = z.output<typeof intakeDetailAnswer>;

/** @public */
export const intakeListAnswer = z.array(
  z.object({
    id: z.string(),
    reference: z.string().nullable(),
    name: z.string(),
    status: z.enum(INTAKE_STATUSES),
    createdAt: z.string(),
    householdType: z.string(),
    children: z.number(),
    competentNis: z.string(),
    holdStatus: z.string().nullable(),
    placeName: z.string().nullable(),
  }),
);
/** @public */
export type IntakeListItem = z.output<typeof intakeListAnswer>[number];

/** @public */
export const referrerSmsStoppedAnswer = z.object({ id: z.string(), status: z.literal('cancelled') });
