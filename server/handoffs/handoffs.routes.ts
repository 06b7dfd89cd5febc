import { auditReads } from '../audit/audit';
import { defineRoute, file } from '../http/route';
import {
  closeBody,
  followUpBody,
  forwardBody,
  forwardedAnswer,
  handoffListAnswer,
  handoffsQuery,
  handoverBody,
  letterQuery,
  shiftSummaryAnswer,
} from '../../shared/api/handoffs';
import { intakeDetailAnswer } from '../../shared/api/intake';
import { readIntake } from '../intake/intake.queries';
import { acknowledge, closeHandoff, findHandoff, forward, handoffInScope, recordFollowUp } from './handoffs.commands';
import { listHandoffs } from './handoffs.queries';
import { shiftSummary } from './shift-summary';
import { regionOf } from '../region/scope';
import { idParams } from '../http/params';
import { recordHandover } from './handover';
import { handoffLetter } from './letter';

async function detail(services: Parameters<typeof readIntake>[0], user: Parameters<typeof readIntake>[1], id: string) {
  const h = await handoffInScope(services, user, id);
  return readIntake(services, user, h.intake_id);
}

/** @public */
export const handoffRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/handoffs',
    tag: 'handoffs',
    policy: 'handoffs.read',
    personal: 'audited',
    query: handoffsQuery,
    response: handoffListAnswer,
    summary: 'The handoff queue (OCMW staff: only their municipality), due first',
    handler: ({ query, user, services }) =>
      listHandoffs(services, user!, { status: query.status, nis: query.municipality }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/handoffs/:id',
    tag: 'handoffs',
    policy: 'handoffs.read',
    personal: 'audited',
    params: idParams,
    response: intakeDetailAnswer,
    summary: 'One handoff with the intake, placement, guarantee, history and earlier contacts (audited)',
    handler: ({ params, user, services }) => detail(services, user!, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/handoffs/:id/acknowledge',
    tag: 'handoffs',
    policy: 'handoffs.act',
    params: idParams,
    response: intakeDetailAnswer,
    summary: 'The OCMW has the case: records who and when',
    handler: async ({ params, user, services }) => {
      await acknowledge(services, user!, params.id);
      return detail(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/handoffs/:id/follow-up',
    tag: 'handoffs',
    policy: 'handoffs.act',
    params: idParams,
    body: followUpBody,
    response: intakeDetailAnswer,
    summary: 'Record the follow-up: trajectory started, person not reached, ...',
    handler: async ({ params, body, user, services }) => {
      await recordFollowUp(services, user!, params.id, body);
      return detail(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/handoffs/:id/forward',
    tag: 'handoffs',
    policy: 'handoffs.act',
    params: idParams,
    body: forwardBody,
    response: forwardedAnswer,
    summary: 'Forward to the competent OCMW (within 5 calendar days, with the reason); the history stays with the case',
    handler: async ({ params, body, user, services }) => {
      await forward(services, user!, params.id, body);
      // Forwarded, it may lie outside the OCMW's scope now: the answer only says where it went.
      const h = await findHandoff(services, params.id);
      return { id: h.id, ocmwNis: h.ocmw_nis, dueAt: new Date(h.due_at).toISOString(), status: h.status };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/handoffs/:id/close',
    tag: 'handoffs',
    policy: 'handoffs.act',
    params: idParams,
    body: closeBody,
    response: intakeDetailAnswer,
    summary: 'Close the handoff once the follow-up is settled',
    handler: async ({ params, body, user, services }) => {
      await closeHandoff(services, user!, params.id, body);
      return detail(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/handoffs/:id/handover',
    tag: 'handoffs',
    policy: 'handoffs.handover',
    params: idParams,
    body: handoverBody,
    response: intakeDetailAnswer,
    summary:
      'Record how the case was handed over (phone: with whom and when; or e-mail); for an OCMW the desk does not serve it is the acknowledgement',
    handler: async ({ params, body, user, services }) => {
      await recordHandover(services, user!, params.id, body);
      return detail(services, user!, params.id);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/handoffs/:id/letter',
    tag: 'handoffs',
    policy: 'handoffs.handover',
    params: idParams,
    personal: 'audited',
    query: letterQuery,
    response: file('text/html'),
    summary:
      "The printable handoff letter in the OCMW's language (Dutch or French; ?lang= to choose), as HTML (audited)",
    handler: async ({ params, query, user, res, services }) => {
      const html = await handoffLetter(services, user!, params.id, query.lang);
      // Its own policy: no scripts at all, only the letter's inline print style.
      res.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      res.type('html').send(html);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/handover',
    tag: 'handoffs',
    policy: 'shiftSummary.read',
    personal: 'request',
    response: shiftSummaryAnswer,
    summary:
      "What is open at a shift handover in the user's current region: holds, placements tonight, missed calls, unacknowledged handoffs, stale hotel counts",
    handler: async ({ user, services }) => {
      const summary = await shiftSummary(services, regionOf(user!));
      // The missed callers' numbers are personal data: each call read is audited like in the call list.
      await auditReads(
        services.db,
        services.clock.now(),
        user!.id,
        'call',
        summary.missedCalls.map((c) => c.callId),
      );
      return summary;
    },
  }),
];
