import { MAX_TRIES } from '../telephony/twilio/journal';
import { defineRoute } from '../http/route';
import { healthAnswer, webhookJournalAnswer } from '../../shared/api/ops';

/** @public */
export const opsRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    tag: 'ops',
    policy: 'public',
    summary: 'Liveness and database status: 200 when the database answers, 503 when it does not',
    response: healthAnswer,
    handler: async ({ res, services }) => {
      const dbUp = await services.ping(1500);
      res.status(dbUp ? 200 : 503).json({
        status: dbUp ? 'ok' : 'degraded',
        database: dbUp ? 'ok' : 'down',
        databaseKind: services.dbKind,
        // Which process answered: with several instances behind one address, tests and operators can tell them apart.
        instance: process.pid,
        time: services.clock.now().toISOString(),
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/ops/webhook-journal',
    tag: 'ops',
    policy: 'ops.journal',
    summary:
      'Twilio webhooks waiting to be written (journal) and those given up on after repeated failures (parked), without their content',
    response: webhookJournalAnswer,
    handler: ({ services }) => ({
      pending: services.webhookJournal.size,
      maxTries: MAX_TRIES,
      parked: services.webhookJournal.parked(),
    }),
  }),
];
