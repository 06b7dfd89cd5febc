// The wooncel's routes: the pool, registrations and the waiting list, proposals and decisions,
// trajectories, the contingent and the figures. Reads of people are audited (`personal: 'audited'`).
import { z } from 'zod';
import { describeRules } from '../../shared/rules/housing/allocation';
import {
  CONTINGENT_STATUSES,
  END_KINDS,
  GUIDANCE_BY,
  GUIDANCE_FREQUENCY,
  HOME_KINDS,
  HOME_SUITS,
  REFERRERS,
} from '../../shared/rules/housing/housing';
import { HOUSEHOLD_TYPES } from '../../shared/rules/intake/intake-schema';
import { nisCode } from '../../shared/rules/nis';
import { say } from '../../shared/rules/say';
import { isIsoDate } from '../../shared/rules/wall-clock';
import { idParams } from '../http/params';
import { defineRoute } from '../http/route';
import {
  allocate,
  endTrajectory,
  listTrajectories,
  moveIn,
  pendingAllocations,
  proposal,
  readTrajectory,
} from './allocations';
import { contingentOverview, decideContingent, requestContingent } from './contingent';
import { housingFigureRoutes } from './figures.routes';
import { createHome, listPool, occupancy } from './homes';
import {
  createRegistration,
  listRegistrations,
  prefillFromHandoff,
  readRegistration,
  registrationBody,
  withdrawRegistration,
} from './registrations';
import { housingRules } from './scope';

const isoDate = z
  .string()
  .refine(isIsoDate, { message: say('geen bestaande datum (JJJJ-MM-DD)', 'not an existing date (YYYY-MM-DD)') });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, say('een maand is JJJJ-MM', 'a month is YYYY-MM'));
const statusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(['waiting', 'allocated', 'housed', 'withdrawn'])));

export const housingRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/housing/rules',
    tag: 'housing',
    policy: 'housing.read',
    summary: "The region's published allocation rules, in words and as configuration (shown to everyone involved)",
    handler: async ({ services }) => {
      const rules = await housingRules(services.db);
      return { rules, words: describeRules(rules) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/homes',
    tag: 'housing',
    policy: 'housing.read',
    summary:
      'The pool of transit homes: free, allocated or occupied now, and per municipality what it brings against its target',
    handler: ({ services }) => listPool(services),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/homes',
    tag: 'housing',
    policy: 'housing.homes.change',
    status: 201,
    body: z.strictObject({
      name: z.string().trim().min(1).max(120),
      municipalityNis: nisCode,
      broughtByNis: nisCode.optional(),
      kind: z.enum(HOME_KINDS),
      suits: z.array(z.enum(HOME_SUITS)).min(1, say('kies voor wie de woning is', 'choose whom the home is for')),
      activeFrom: isoDate,
      activeTo: isoDate.nullable().optional(),
    }),
    summary: 'A transit home joins the pool',
    handler: ({ body, user, services }) => createHome(services, user!, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/occupancy',
    tag: 'housing',
    policy: 'housing.read',
    query: z
      .strictObject({ from: month, to: month })
      .refine((q) => q.from <= q.to, { path: ['to'], message: say('ligt vóór from', 'is before from') }),
    summary: 'Occupancy of the pool per month: home-days occupied over home-days available',
    handler: ({ query, services }) => occupancy(services, query.from, query.to),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/prefill/:id',
    tag: 'housing',
    policy: 'housing.register',
    params: idParams,
    personal: 'audited',
    summary: 'What a handoff (its id) brings to a registration: name, household, situation, the OCMW (audited)',
    handler: ({ params, user, services }) => prefillFromHandoff(services, user!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/registrations',
    tag: 'housing',
    policy: 'housing.cases.read',
    personal: 'audited',
    query: z.strictObject({ status: statusList.optional() }),
    summary: 'The waiting list and other registrations (OCMW staff: their municipalities), oldest first (audited)',
    handler: ({ query, user, services }) => listRegistrations(services, user!, query.status),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/registrations',
    tag: 'housing',
    policy: 'housing.register',
    status: 201,
    body: registrationBody,
    summary: 'Register a household for a transit home: from a handoff (prefilled) or by hand',
    handler: ({ body, user, services }) => createRegistration(services, user!, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/registrations/:id',
    tag: 'housing',
    policy: 'housing.cases.read',
    params: idParams,
    personal: 'audited',
    summary: 'One registration (audited)',
    handler: ({ params, user, services }) => readRegistration(services, user!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/registrations/:id/withdraw',
    tag: 'housing',
    policy: 'housing.register',
    params: idParams,
    summary: 'Take a waiting registration off the list',
    handler: ({ params, user, services }) => withdrawRegistration(services, user!, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/homes/:id/proposal',
    tag: 'housing',
    policy: 'housing.propose',
    params: idParams,
    personal: 'audited',
    summary: 'The waiting households ranked for this home by the published rules, each with its reasons (audited)',
    handler: ({ params, user, services }) => proposal(services, user!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/homes/:id/allocate',
    tag: 'housing',
    policy: 'housing.decide',
    params: idParams,
    status: 201,
    body: z.strictObject({
      registrationId: z.uuid(say('geen geldige id', 'not a valid id')),
      reason: z
        .string()
        .trim()
        .min(10, say('schrijf waarom (minstens 10 tekens)', 'write why (at least 10 characters)'))
        .max(2000)
        .optional(),
    }),
    summary: "The allocator's decision; departing from the ranking needs a reason",
    handler: ({ params, body, user, services }) => allocate(services, user!, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/allocations',
    tag: 'housing',
    policy: 'housing.cases.read',
    personal: 'audited',
    summary: 'Allocations awaiting their move-in (audited)',
    handler: ({ user, services }) => pendingAllocations(services, user!),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/allocations/:id/move-in',
    tag: 'housing',
    policy: 'housing.cases.follow',
    params: idParams,
    status: 201,
    body: z.strictObject({
      moveIn: isoDate,
      guidance: z.strictObject({ by: z.enum(GUIDANCE_BY), frequency: z.enum(GUIDANCE_FREQUENCY) }),
    }),
    summary: 'The household moves in: the trajectory starts with its guidance (who, how often)',
    handler: ({ params, body, user, services }) => moveIn(services, user!, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/trajectories',
    tag: 'housing',
    policy: 'housing.cases.read',
    personal: 'audited',
    summary: 'Trajectories with their length of stay (OCMW staff: their municipalities; audited)',
    handler: ({ user, services }) => listTrajectories(services, user!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/trajectories/:id',
    tag: 'housing',
    policy: 'housing.cases.read',
    params: idParams,
    personal: 'audited',
    summary: 'One trajectory (audited)',
    handler: ({ params, user, services }) => readTrajectory(services, user!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/trajectories/:id/end',
    tag: 'housing',
    policy: 'housing.cases.follow',
    params: idParams,
    body: z.strictObject({
      endDate: isoDate,
      kind: z.enum(END_KINDS),
      destination: z
        .string()
        .regex(
          /^(\d{5}|outside_region|unknown)$/,
          say('een NIS-code, outside_region of unknown', 'a NIS code, outside_region or unknown'),
        ),
    }),
    summary: 'The outflow: end date, where to (private rental, SHM, SVK, ...) and which municipality',
    handler: ({ params, body, user, services }) => endTrajectory(services, user!, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/contingent',
    tag: 'housing',
    policy: 'housing.contingent.read',
    query: z.strictObject({ year: z.string().regex(/^\d{4}$/, say('een jaar is JJJJ', 'a year is YYYY')) }),
    summary:
      'The accelerated-allocation contingent: per municipality target, granted and available; requests per referrer',
    handler: ({ query, user, services }) => contingentOverview(services, user!, query.year),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/contingent',
    tag: 'housing',
    policy: 'housing.register',
    status: 201,
    body: z.strictObject({
      municipalityNis: nisCode,
      referrer: z.enum(REFERRERS),
      householdType: z.enum(HOUSEHOLD_TYPES),
    }),
    summary: 'Request an accelerated allocation',
    handler: ({ body, user, services }) => requestContingent(services, user!, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/housing/contingent/:id/decide',
    tag: 'housing',
    policy: 'housing.decide',
    params: idParams,
    body: z.strictObject({
      status: z.enum(CONTINGENT_STATUSES.filter((s) => s !== 'requested') as ['granted', 'refused', 'withdrawn']),
    }),
    summary: 'Grant (within the target), refuse or withdraw a contingent request',
    handler: ({ params, body, user, services }) => decideContingent(services, user!, params.id, body.status),
  }),
  ...housingFigureRoutes,
];
