// After the night: the wooncel's pool of transit homes, registrations and the waiting list,
// proposals and decisions, trajectories, the contingent and the figures.
import { z } from 'zod';
import {
  CONTINGENT_STATUSES,
  END_KINDS,
  GUIDANCE_BY,
  GUIDANCE_FREQUENCY,
  HOME_KINDS,
  HOME_SUITS,
  ORIGIN_CODES,
  REFERRERS,
  SUPPORT_NEEDS,
  URGENCIES,
} from '../rules/housing/housing';
import { ETHOS, HOUSEHOLD_TYPES, householdInputSchema } from '../rules/intake/intake-schema';
import { nisCode } from '../rules/nis';
import { say } from '../rules/say';
import { isIsoDate } from '../rules/wall-clock';
import { idAnswer, reasonSchema } from './common';

const isoDate = z
  .string()
  .refine(isIsoDate, { message: say('geen bestaande datum (JJJJ-MM-DD)', 'not an existing date (YYYY-MM-DD)') });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, say('een maand is JJJJ-MM', 'a month is YYYY-MM'));
/** @public */
export const REGISTRATION_STATUSES = ['waiting', 'allocated', 'housed', 'withdrawn'] as const;
const statusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(REGISTRATION_STATUSES)));

// --- requests ---

/** @public */
export const homeBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  municipalityNis: nisCode,
  broughtByNis: nisCode.optional(),
  kind: z.enum(HOME_KINDS),
  suits: z.array(z.enum(HOME_SUITS)).min(1, say('kies voor wie de woning is', 'choose whom the home is for')),
  activeFrom: isoDate,
  activeTo: isoDate.nullable().optional(),
});
/** @public */
export const occupancyQuery = z
  .strictObject({ from: month, to: month })
  .refine((q) => q.from <= q.to, { path: ['to'], message: say('ligt vóór from', 'is before from') });
/** @public */
export const registrationsQuery = z.strictObject({ status: statusList.optional() });

const required = say('verplicht zonder overdracht', 'required without a handoff');
/** @public */
export const registrationBody = z
  .strictObject({
    handoffId: z.uuid(say('geen geldige id', 'not a valid id')).optional(),
    municipalityNis: nisCode.optional(),
    personName: z.string().trim().min(1).max(120).optional(),
    household: householdInputSchema.optional(),
    ethos: z.enum(ETHOS).optional(),
    origin: z.enum(ORIGIN_CODES as [string, ...string[]]),
    urgency: z.enum(URGENCIES),
    supportNeeds: z.array(z.enum(SUPPORT_NEEDS)).max(SUPPORT_NEEDS.length).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.handoffId) return;
    for (const f of ['municipalityNis', 'personName', 'household', 'ethos'] as const) {
      if (b[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: required });
    }
  });

/** @public */
export const allocateBody = z.strictObject({
  registrationId: z.uuid(say('geen geldige id', 'not a valid id')),
  reason: z
    .string()
    .trim()
    .min(10, say('schrijf waarom (minstens 10 tekens)', 'write why (at least 10 characters)'))
    .max(2000)
    .optional(),
});
/** @public */
export const moveInBody = z.strictObject({
  moveIn: isoDate,
  guidance: z.strictObject({ by: z.enum(GUIDANCE_BY), frequency: z.enum(GUIDANCE_FREQUENCY) }),
});
/** @public */
export const endTrajectoryBody = z.strictObject({
  endDate: isoDate,
  kind: z.enum(END_KINDS),
  destination: z
    .string()
    .regex(
      /^(\d{5}|outside_region|unknown)$/,
      say('een NIS-code, outside_region of unknown', 'a NIS code, outside_region or unknown'),
    ),
});
/** @public */
export const contingentQuery = z.strictObject({
  year: z.string().regex(/^\d{4}$/, say('een jaar is JJJJ', 'a year is YYYY')),
});
/** @public */
export const contingentBody = z.strictObject({
  municipalityNis: nisCode,
  referrer: z.enum(REFERRERS),
  householdType: z.enum(HOUSEHOLD_TYPES),
});
/** @public */
export const contingentDecisionBody = z.strictObject({
  status: z.enum(CONTINGENT_STATUSES.filter((s) => s !== 'requested') as ['granted', 'refused', 'withdrawn']),
});

// --- answers ---

const household = z.object({ type: z.string(), adults: z.number(), children: z.number() });
const n = z.number();

/** @public */
export const rulesAnswer = z.object({
  rules: z.object({
    /** The criteria in the order they decide. */
    order: z.array(z.string()),
    maxPersons: z.record(z.string(), n),
    perInhabitants: n,
  }),
  words: z.array(reasonSchema),
});

/** @public */
export const poolAnswer = z.object({
  homes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      municipalityNis: z.string(),
      broughtByNis: z.string(),
      kind: z.enum(HOME_KINDS),
      suits: z.array(z.enum(HOME_SUITS)),
      activeFrom: z.string(),
      activeTo: z.string().nullable(),
      active: z.boolean(),
      occupiedSince: z.string().nullable(),
      allocated: z.boolean(),
      status: z.enum(['free', 'allocated', 'occupied', 'inactive']),
    }),
  ),
  targets: z.array(z.object({ nis: z.string(), name: z.string(), population: n, target: n, brought: n })),
  perInhabitants: n,
});

/** @public */
export const occupancyAnswer = z.array(z.object({ month: z.string(), homeDays: n, occupiedDays: n, rate: n }));

/** @public */
export const prefillAnswer = z.object({
  handoffId: z.string(),
  municipalityNis: z.string(),
  personName: z.string(),
  ethos: z.string(),
  household,
});

/** @public */
export const registrationSchema = z.object({
  id: z.string(),
  municipalityNis: z.string(),
  personName: z.string(),
  household,
  ethos: z.string(),
  origin: z.string(),
  urgency: z.enum(URGENCIES),
  supportNeeds: z.array(z.string()),
  registeredByKind: z.string(),
  handoffId: z.string().nullable(),
  registeredAt: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
});
/** @public */
export const registrationsAnswer = z.array(registrationSchema);

const criterionReason = z.object({ criterion: z.string(), nl: z.string(), en: z.string() });
const candidate = {
  id: z.string(),
  personName: z.string(),
  municipalityNis: z.string(),
  household,
  urgency: z.enum(URGENCIES),
  reasons: z.array(criterionReason),
};
/** @public */
export const proposalAnswer = z.object({
  home: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(HOME_KINDS),
    suits: z.array(z.enum(HOME_SUITS)),
    municipalityNis: z.string(),
  }),
  rules: z.array(reasonSchema),
  order: z.array(z.string()),
  ranked: z.array(z.object({ ...candidate, rank: n, daysWaiting: n, decidedBy: z.string().nullable() })),
  excluded: z.array(z.object(candidate)),
});

/** @public */
export const allocatedAnswer = z.object({
  id: z.string(),
  homeId: z.string(),
  registrationId: z.string(),
  rank: n,
  reason: z.string().nullable(),
});
/** @public */
export const pendingAllocationsAnswer = z.array(
  z.object({
    id: z.string(),
    homeId: z.string(),
    homeName: z.string(),
    registrationId: z.string(),
    personName: z.string(),
    municipalityNis: z.string(),
    rank: n,
    reason: z.string().nullable(),
    decidedAt: z.string(),
  }),
);

/** @public */
export const trajectorySchema = z.object({
  id: z.string(),
  registrationId: z.string(),
  homeId: z.string(),
  homeName: z.string(),
  personName: z.string(),
  municipalityNis: z.string(),
  household,
  moveIn: z.string(),
  guidance: z.object({ by: z.enum(GUIDANCE_BY), frequency: z.enum(GUIDANCE_FREQUENCY) }),
  endDate: z.string().nullable(),
  endKind: z.enum(END_KINDS).nullable(),
  destination: z.string().nullable(),
  stayMonths: n,
});
/** @public */
export const trajectoriesAnswer = z.array(trajectorySchema);

/** @public */
export const contingentAnswer = z.object({
  year: z.string(),
  perInhabitants: n,
  municipalities: z.array(
    z.object({ nis: z.string(), name: z.string(), target: n, granted: n, requested: n, available: n }),
  ),
  byReferrer: z.array(z.object({ referrer: z.enum(REFERRERS), requests: n })),
  requests: z.array(
    z.object({
      id: z.string(),
      municipalityNis: z.string(),
      referrer: z.enum(REFERRERS),
      householdType: z.string(),
      status: z.enum(CONTINGENT_STATUSES),
      requestedAt: z.string(),
    }),
  ),
});
/** @public */
export const contingentChangedAnswer = z.object({ id: z.string(), status: z.enum(CONTINGENT_STATUSES) });
/** @public */
export const homeCreatedAnswer = idAnswer;

// --- figures ---

/** @public */
export const HOUSING_TABLES = [
  'summary',
  'household_types',
  'home_kinds',
  'origins',
  'outflow',
  'destinations',
] as const;
const figureFilter = { from: isoDate.optional(), to: isoDate.optional(), municipality: nisCode.optional() };
const checkFigureFilter = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if ((q.from === undefined) !== (q.to === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [q.from ? 'to' : 'from'],
      message: say('geef from en to samen', 'give from and to together'),
    });
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: say('ligt vóór from', 'is before from') });
};
/** @public */
export const housingFiguresQuery = z.strictObject(figureFilter).superRefine(checkFigureFilter);
/** @public */
export const housingFiguresCsvQuery = z
  .strictObject({
    ...figureFilter,
    lang: z.enum(['nl', 'en']).optional(),
    table: z.enum(HOUSING_TABLES, {
      error: say(`table is een van ${HOUSING_TABLES.join(', ')}`, `table must be one of ${HOUSING_TABLES.join(', ')}`),
    }),
  })
  .superRefine(checkFigureFilter);

const maybe = z.number().nullable();
/** @public */
export const housingFiguresAnswer = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  registrations: n,
  housed: z.object({ households: n, adults: n, children: n, persons: n }),
  householdTypes: z.array(z.object({ type: z.string(), count: n })),
  homeKinds: z.array(z.object({ kind: z.string(), count: n })),
  origins: z.array(
    z.object({ group: z.string(), count: n, origins: z.array(z.object({ origin: z.string(), count: n })) }),
  ),
  finished: z.object({ trajectories: n, minMonths: maybe, avgMonths: maybe, maxMonths: maybe }),
  outflow: z.array(z.object({ kind: z.string(), count: n })),
  destinations: z.array(z.object({ destination: z.string(), name: z.string().nullable(), count: n })),
  guidance: z.array(z.object({ by: z.string(), count: n })),
});
