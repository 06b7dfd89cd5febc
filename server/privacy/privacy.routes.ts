// GDPR art. 15: who read or changed a person's records, and when. The coordinator (or the admin, the
// data protection contact) looks the person up by name and birth date, or by an intake.
import { accessReportAnswer, accessReportBody as body } from '../../shared/api/audit';
import { audit, detailFor } from '../audit/audit';
import { badRequest } from '../http/errors';
import { defineRoute } from '../http/route';
import { personKey } from '../intake/person-key';
import { say } from '../../shared/rules/say';

// A POST with a body (shared/api/audit.ts), never a query string: a name and birth date in a URL end up in
// proxy and access logs.
/** @public */
export const privacyRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/privacy/access-report',
    tag: 'privacy',
    policy: 'privacy.accessReport',
    body,
    personal: 'audited',
    response: accessReportAnswer,
    summary: "Every read and change of one person's records (GDPR art. 15), oldest first",
    handler: async ({ body: q, user, services: { db, clock } }) => {
      const key = q.name && q.birthDate ? personKey(q.name, q.birthDate) : null;
      if (!q.intakeId && !key)
        throw badRequest(
          say(
            'Deze naam bevat geen letters of cijfers om op te zoeken.',
            'This name holds no letters or digits to look up.',
          ),
        );
      let intakes = db.selectFrom('intakes').select(['id', 'created_at']);
      intakes = q.intakeId ? intakes.where('id', '=', q.intakeId) : intakes.where('person_key', '=', key!);
      const found = await intakes.orderBy('created_at').execute();
      if (!found.length)
        throw badRequest(
          say(
            'Geen aanmelding van deze persoon (of ze is gepseudonimiseerd: dan noemt het toegangslog niemand meer).',
            'No intake of this person (or it has been pseudonymised: the access log then names no one).',
          ),
        );
      const ids = found.map((i) => i.id);
      // The wooncel registrations made from this person's handoffs: their reads belong in the report too.
      const registrations = new Map(
        (
          await db
            .selectFrom('housing_registrations')
            .innerJoin('handoffs', 'handoffs.id', 'housing_registrations.handoff_id')
            .select(['housing_registrations.id', 'handoffs.intake_id'])
            .where('handoffs.intake_id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.intake_id]),
      );
      const entries = await db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.at',
          'audit_log.action',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.detail',
          'users.display_name',
          'users.role',
        ])
        .where((eb) =>
          eb.or([
            eb.and([eb('audit_log.subject_type', '=', 'intake'), eb('audit_log.subject_id', 'in', ids)]),
            ...(registrations.size
              ? [
                  eb.and([
                    eb('audit_log.subject_type', '=', 'housing_registration'),
                    eb('audit_log.subject_id', 'in', [...registrations.keys()]),
                  ]),
                ]
              : []),
          ]),
        )
        .orderBy('audit_log.at')
        .orderBy('audit_log.id')
        .execute();
      await audit(db, {
        at: clock.now(),
        userId: user!.id,
        action: 'read',
        subjectType: 'access_report',
        subjectId: ids[0]!,
        detail: { intakes: ids.length },
      });
      return {
        intakes: found.map((i) => ({ id: i.id, createdAt: new Date(i.created_at).toISOString() })),
        entries: entries.map((e) => ({
          at: new Date(e.at).toISOString(),
          action: e.action,
          by: e.display_name ?? 'systeem',
          role: e.role,
          detail: detailFor(user!.role, e.detail),
          ...(e.subject_type === 'housing_registration'
            ? { intakeId: registrations.get(e.subject_id!) ?? null, record: 'housing_registration' }
            : { intakeId: e.subject_id }),
        })),
      };
    },
  }),
];
