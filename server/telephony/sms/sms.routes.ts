import { auditReads } from '../../audit/audit';
import { defineRoute } from '../../http/route';
import { inboxAnswer, outboxAnswer } from '../../../shared/api/calls';
import { smsParams, smsStatusParams, smsStatusQuery } from '../../../shared/api/twilio';
import { defineTwilioRoute } from '../twilio/webhook';
import { handleInboundSms } from './inbound';
import { applySmsStatus } from './status';
import { regionOf } from '../../region/scope';

// Texts per region (issue 15): both lists show the user's current region's texts plus those of no region
// (deployment-wide, e.g. a security alert about a login), which every region's desk sees. Another region's texts
// (personal data: who texted what, whom the desk texted) are not listed.

/** @public */
export const smsWebhooks = [
  defineTwilioRoute({
    path: '/twilio/sms',
    summary: 'Messaging URL of the permanence number',
    params: smsParams,
    answer: 'twiml',
    handler: ({ params, services }) =>
      handleInboundSms(services, params.MessageSid, params.From, params.Body, params.To ?? null),
  }),
  defineTwilioRoute({
    path: '/twilio/sms/status',
    summary: 'Delivery status of an SMS we sent',
    params: smsStatusParams,
    query: smsStatusQuery,
    answer: 'none',
    handler: async ({ params, query, services }) => {
      await applySmsStatus(
        services,
        query.outbox ?? null,
        params.MessageSid,
        params.MessageStatus,
        params.ErrorCode || null,
      );
      return null;
    },
  }),
];

/** @public */
export const smsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/outbox',
    tag: 'calls',
    policy: 'sms.read',
    personal: 'audited',
    summary: "The latest 100 outgoing SMS of the user's region (and those of no region) with their delivery state",
    response: outboxAnswer,
    handler: async ({ user, services: { db, clock } }) => {
      const region = regionOf(user!);
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where((eb) => eb.or([eb('region_code', '=', region), eb('region_code', 'is', null)]))
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      await auditReads(
        db,
        clock.now(),
        user!.id,
        'sms_out',
        rows.map((r) => r.id),
      );
      return {
        messages: rows.map((r) => ({
          id: r.id,
          to: r.to_number,
          body: r.body,
          kind: r.kind,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        })),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sms',
    tag: 'calls',
    policy: 'sms.read',
    personal: 'audited',
    summary: "The latest 100 SMS received on the user's region's permanence number (and those of no region)",
    response: inboxAnswer,
    handler: async ({ user, services: { db, clock } }) => {
      const region = regionOf(user!);
      const rows = await db
        .selectFrom('sms_inbound')
        .leftJoin('users', 'users.id', 'sms_inbound.from_user_id')
        .select(['sms_inbound.id', 'from_number', 'body', 'handled_as', 'received_at', 'users.display_name'])
        .where((eb) => eb.or([eb('sms_inbound.region_code', '=', region), eb('sms_inbound.region_code', 'is', null)]))
        .orderBy('received_at', 'desc')
        .limit(100)
        .execute();
      await auditReads(
        db,
        clock.now(),
        user!.id,
        'sms_in',
        rows.map((r) => r.id),
      );
      return {
        messages: rows.map((r) => ({
          id: r.id,
          from: r.from_number,
          fromName: r.display_name,
          body: r.body,
          handledAs: r.handled_as,
          receivedAt: new Date(r.received_at).toISOString(),
        })),
      };
    },
  }),
];
