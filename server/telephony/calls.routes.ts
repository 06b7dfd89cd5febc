// The calls as the console sees them: live list with each step of the chain, open alarms, and the
// call-back that ends an alarm. Callers' numbers are personal data: every read is audited.
import { auditReads } from '../audit/audit';
import { notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import {
  alarmsAnswer,
  callAnswer,
  callBackBody,
  callIdParams,
  calledBackAnswer,
  callsAnswer,
  callsQuery,
} from '../../shared/api/calls';
import { recordCallBack } from './voice/alarms';
import { listCalls } from './calls.queries';
import { say } from '../../shared/rules/say';
import { regionOf } from '../region/scope';

/** @public */
export const callRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/calls',
    tag: 'calls',
    policy: 'calls.read',
    personal: 'audited',
    query: callsQuery,
    response: callsAnswer,
    summary: 'The latest calls with every step of their chain, who took them, and their alarm',
    handler: async ({ query, user, services: { db, clock } }) => {
      const calls = await listCalls(db, { limit: query.limit, region: regionOf(user!) });
      await auditReads(
        db,
        clock.now(),
        user!.id,
        'call',
        calls.map((c) => c.id),
      );
      return { calls };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/calls/:id',
    tag: 'calls',
    policy: 'calls.read',
    personal: 'audited',
    params: callIdParams,
    response: callAnswer,
    summary: 'One call with its steps, and the earlier calls from the same number',
    handler: async ({ params, user, services: { db, clock } }) => {
      const region = regionOf(user!);
      const [call] = await listCalls(db, { id: params.id, region });
      if (!call) throw notFound(say('Deze oproep bestaat niet.', 'No such call.'));
      const earlier = call.from
        ? await listCalls(db, {
            from: call.from,
            earlierThan: { id: call.id, startedAt: call.startedAt },
            limit: 10,
            region,
          })
        : [];
      await auditReads(db, clock.now(), user!.id, 'call', [call.id, ...earlier.map((c) => c.id)]);
      return { call, earlier };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/alarms',
    tag: 'calls',
    policy: 'calls.read',
    personal: 'audited',
    summary: 'Calls nobody took and nobody has rung back yet (the red banner)',
    response: alarmsAnswer,
    handler: async ({ user, services: { db, clock } }) => {
      const calls = await listCalls(db, { openAlarms: true, limit: 50, region: regionOf(user!) });
      await auditReads(
        db,
        clock.now(),
        user!.id,
        'call',
        calls.map((c) => c.id),
      );
      return { alarms: calls };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/calls/:id/callback',
    tag: 'calls',
    policy: 'calls.handle',
    params: callIdParams,
    body: callBackBody,
    response: calledBackAnswer,
    summary: 'Record that the caller was rung back: ends the alarm in every console',
    handler: async ({ params, body, user, services }) => {
      const ok = await recordCallBack(services, params.id, user!.id, body.note ?? null, regionOf(user!));
      if (!ok)
        throw notFound(
          say(
            'Geen open alarm voor deze oproep (al teruggebeld?).',
            'No open alarm for this call (already rung back?).',
          ),
        );
      return { id: params.id, calledBack: true };
    },
  }),
];
