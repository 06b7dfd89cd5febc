// The worker stops a referrer's text before it leaves (the 30-second undo).
import { audit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { idParams } from '../http/params';
import { defineRoute } from '../http/route';
import { referrerSmsStoppedAnswer } from '../../shared/api/intake';
import { say } from '../../shared/rules/say';
import { REFERRER_KIND } from './confirmation';
import { announceOutbox, cancelWaitingSms } from '../telephony/outbox/enqueue';
import { announceIntake } from '../intake/announce';
import { regionOf } from '../region/scope';

/** @public */
export const referrerRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/referrer-sms/:id/cancel',
    tag: 'intake',
    policy: 'referrer.cancel',
    params: idParams,
    summary: 'Stop a text to the referrer that has not left yet',
    response: referrerSmsStoppedAnswer,
    handler: async ({ params, user, services }) => {
      const { db, clock } = services;
      const now = clock.now();
      const [stopped] = await cancelWaitingSms(
        db,
        { kind: REFERRER_KIND, id: params.id, region: regionOf(user!) },
        'stopped by the worker',
        now,
      );
      if (!stopped) {
        const row = await db
          .selectFrom('outbox')
          .select('status')
          .where('id', '=', params.id)
          .where('kind', '=', REFERRER_KIND)
          .where((eb) => eb.or([eb('region_code', '=', regionOf(user!)), eb('region_code', 'is', null)]))
          .executeTakeFirst();
        if (!row) throw notFound(say('Deze sms aan de doorverwijzer bestaat niet.', 'No such text to a referrer.'));
        throw conflict(
          row.status === 'cancelled'
            ? say('Deze sms is al tegengehouden.', 'This text was already stopped.')
            : say(
                'Deze sms is al vertrokken; stuur zo nodig een nieuwe via de aanmelding of bel de doorverwijzer.',
                'This text has already left; ring the referrer if it needs correcting.',
              ),
          { status: row.status },
        );
      }
      await audit(db, {
        at: now,
        userId: user!.id,
        action: 'update',
        subjectType: 'sms_out',
        subjectId: stopped.id,
        detail: { cancelled: true },
      });
      announceOutbox(services, stopped.id, 'cancelled', stopped.region_code);
      const intake = stopped.intake_id
        ? await db.selectFrom('intakes').select('region_code').where('id', '=', stopped.intake_id).executeTakeFirst()
        : undefined;
      if (intake) announceIntake(services, stopped.intake_id!, intake.region_code);
      return { id: stopped.id, status: 'cancelled' as const };
    },
  }),
];
