import {
  adoptHoldBody,
  competenceOverrideSchema,
  intakeDetailAnswer,
  intakeHoldBody,
  intakeInputSchema,
  intakeListAnswer,
} from '../../shared/api/intake';
import { defineRoute } from '../http/route';
import { adoptHold, createIntake, holdForIntake, overrideCompetence, placeIntake } from './intake.commands';
import { listIntakes, readIntake } from './intake.queries';
import { idParams } from '../http/params';

/** @public */
export const intakeRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/intakes',
    tag: 'intake',
    policy: 'intakes.change',
    personal: 'audited',
    response: intakeDetailAnswer,
    status: 201,
    body: intakeInputSchema,
    summary: 'Record an intake (aanmelding); the competent OCMW is decided from the facts, with rule and reason',
    handler: async ({ body, user, services }) => readIntake(services, user!, await createIntake(services, user!, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/intakes',
    tag: 'intake',
    policy: 'intakes.list',
    personal: 'audited',
    summary: 'Intakes of the last 7 days, newest first (each read is audited)',
    response: intakeListAnswer,
    handler: ({ user, services }) => listIntakes(services, user!),
  }),
  defineRoute({
    method: 'get',
    path: '/api/intakes/:id',
    tag: 'intake',
    policy: 'intakes.read',
    personal: 'audited',
    response: intakeDetailAnswer,
    params: idParams,
    summary: 'One intake with placement, guarantee, handoff history and earlier contacts of the same person',
    handler: ({ params, user, services }) => readIntake(services, user!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/intakes/:id/competence',
    tag: 'intake',
    policy: 'intakes.change',
    personal: 'audited',
    response: intakeDetailAnswer,
    params: idParams,
    body: competenceOverrideSchema,
    summary: 'Name another competent OCMW than the rules give, with a written reason (before placement)',
    handler: async ({ params, body, user, services }) => {
      await overrideCompetence(services, user!, params.id, body);
      return readIntake(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/intakes/:id/hold',
    tag: 'intake',
    policy: 'intakes.change',
    personal: 'audited',
    response: intakeDetailAnswer,
    params: idParams,
    status: 201,
    body: intakeHoldBody,
    summary: 'Hold a place on the board for this person (initials only on the board)',
    handler: async ({ params, body, user, services }) => {
      await holdForIntake(services, user!, params.id, body);
      return readIntake(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/intakes/:id/adopt-hold',
    tag: 'intake',
    policy: 'intakes.change',
    personal: 'audited',
    response: intakeDetailAnswer,
    params: idParams,
    body: adoptHoldBody,
    summary: 'This intake takes over a place held from the board (then place it: guarantee and handoff)',
    handler: async ({ params, body, user, services }) => {
      await adoptHold(services, user!, params.id, body.holdId);
      return readIntake(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/intakes/:id/place',
    tag: 'intake',
    policy: 'intakes.change',
    personal: 'audited',
    response: intakeDetailAnswer,
    params: idParams,
    summary:
      'The person arrived: the hold becomes the placement, with the cost guarantee and the handoff to the competent OCMW',
    handler: async ({ params, user, services }) => {
      await placeIntake(services, user!, params.id);
      return readIntake(services, user!, params.id);
    },
  }),
];
