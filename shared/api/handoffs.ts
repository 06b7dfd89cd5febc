// The OCMW's queue: handoffs, their actions, the handover of a case to an OCMW the desk does not
// serve, the printable letter, and what is open at a shift handover.
import { z } from 'zod';
import { nisCode } from '../rules/nis';
import { say } from '../rules/say';
import { csvList } from './common';
import { HANDOFF_STATUSES } from './intake';

/** @public */
export const FOLLOW_UPS = ['trajectory_started', 'not_reached', 'no_show', 'refused', 'housed', 'other'] as const;
const note = z.string().trim().max(2000).optional();

/** @public */
export const handoffsQuery = z.strictObject({
  status: csvList(z.enum(HANDOFF_STATUSES)).optional(),
  municipality: nisCode.optional(),
});
/** @public */
export const followUpBody = z.strictObject({ outcome: z.enum(FOLLOW_UPS), note });
/** @public */
export const forwardBody = z.strictObject({
  toNis: nisCode,
  reason: z
    .string()
    .trim()
    .min(
      10,
      say(
        'schrijf waarom het andere OCMW bevoegd is (minstens 10 tekens)',
        'write why the other OCMW is competent (at least 10 characters)',
      ),
    )
    .max(2000),
});
/** @public */
export const closeBody = z.strictObject({ note });
/** @public */
export const letterQuery = z.strictObject({ lang: z.enum(['nl', 'fr']).optional() });

const handoverAt = z.iso.datetime({
  offset: true,
  message: say(
    'verwacht een ISO-tijdstip met tijdzone, bv. 2026-11-28T09:05:00+01:00',
    'expected an ISO date-time with offset, e.g. 2026-11-28T09:05:00+01:00',
  ),
});
const handoverNote = z.string().trim().max(1000).optional();
/** @public */
export const handoverBody = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('phone'),
    /** With whom: a name and function at that OCMW. */
    contact: z
      .string()
      .trim()
      .min(2, say('met wie sprak je (naam, functie)?', 'whom did you speak to (name, function)?'))
      .max(120),
    at: handoverAt.optional(),
    note: handoverNote,
  }),
  z.strictObject({
    method: z.literal('email'),
    contact: z.email(say('het e-mailadres waarnaar je schreef', 'the e-mail address you wrote to')),
    at: handoverAt.optional(),
    note: handoverNote,
  }),
]);

/** @public */
export const handoffListAnswer = z.array(
  z.object({
    id: z.string(),
    intakeId: z.string(),
    reference: z.string().nullable(),
    status: z.enum(HANDOFF_STATUSES),
    dueAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    ocmw: z.object({ nis: z.string(), name: z.string() }),
    person: z.string(),
    household: z.object({ type: z.string(), adults: z.number(), children: z.number() }),
    place: z.object({ name: z.string(), type: z.string() }).nullable(),
    nights: z.number().nullable(),
    totalCents: z.number().nullable(),
  }),
);
/** @public */
export type HandoffItem = z.output<typeof handoffListAnswer>[number];

/** @public */
export const forwardedAnswer = z.object({
  id: z.string(),
  ocmwNis: z.string(),
  dueAt: z.string(),
  status: z.enum(HANDOFF_STATUSES),
});

/** @public */
export const shiftSummaryAnswer = z.object({
  at: z.string(),
  night: z.string(),
  holds: z.array(z.object({ id: z.string(), initials: z.string(), place: z.string(), expiresAt: z.string() })),
  placedTonight: z.array(z.object({ id: z.string(), initials: z.string(), place: z.string(), placedAt: z.string() })),
  missedCalls: z.array(
    z.object({ callId: z.string(), from: z.string().nullable(), callerName: z.string().nullable(), at: z.string() }),
  ),
  handoffsOpen: z.array(z.object({ id: z.string(), ocmw: z.string(), dueAt: z.string(), overdue: z.boolean() })),
  staleHotels: z.array(z.object({ placeId: z.string(), name: z.string(), confirmedAt: z.string().nullable() })),
});
/** @public */
export type ShiftSummary = z.output<typeof shiftSummaryAnswer>;
