// Registrations on the wooncel's waiting list, by OCMW staff or the CAW: from a handoff (the intake's
// name, household and situation are taken over) or by hand. Reads are audited per registration.
import type { z } from 'zod';
import { registrationBody } from '../../shared/api/housing';
import { ORIGIN_CODES, SUPPORT_NEEDS, URGENCIES } from '../../shared/rules/housing/housing';
import { ETHOS, householdInputSchema } from '../../shared/rules/intake/intake-schema';
import { nisCode } from '../../shared/rules/nis';
import { say } from '../../shared/rules/say';
import { audit, auditReads } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import type { RegistrationStatus } from '../db/schema';
import { handoffInScope } from '../handoffs/handoffs.commands';
import { conflict, fieldError, notFound } from '../http/errors';
import type { Services } from '../services';
import { regionOf } from '../region/scope';
import { announce, assertMunicipality, assertRegion, housingScope, regionNis } from './scope';

export { registrationBody };
export type RegistrationBody = z.output<typeof registrationBody>;

/** What a handoff brings to a registration: the intake's person, household and situation. */
export async function prefillFromHandoff(services: Services, user: AuthUser, handoffId: string) {
  const h = await handoffInScope(services, user, handoffId);
  const i = await services.db
    .selectFrom('intakes')
    .select(['id', 'person_name', 'household_type', 'adults', 'children', 'ethos'])
    .where('id', '=', h.intake_id)
    .executeTakeFirstOrThrow();
  await audit(services.db, {
    at: services.clock.now(),
    userId: user.id,
    action: 'read',
    subjectType: 'intake',
    subjectId: i.id,
    detail: { handoff: 'housing_prefill' },
  });
  return {
    handoffId,
    municipalityNis: h.ocmw_nis,
    personName: i.person_name,
    ethos: i.ethos,
    household: { type: i.household_type, adults: i.adults, children: i.children },
  };
}

export async function createRegistration(services: Services, user: AuthUser, body: RegistrationBody) {
  const { db, clock } = services;
  const pre = body.handoffId ? await prefillFromHandoff(services, user, body.handoffId) : null;
  const nis = body.municipalityNis ?? pre!.municipalityNis;
  const household = body.household ?? pre!.household;
  if (
    !(await db
      .selectFrom('municipalities')
      .select('nis')
      .where('nis', '=', nis)
      .where('region_code', '=', regionOf(user))
      .executeTakeFirst())
  ) {
    throw fieldError(
      'body.municipalityNis',
      say(`${nis} is geen gemeente van de regio`, `${nis} is not a municipality of the region`),
    );
  }
  assertMunicipality(user, nis);
  if (body.handoffId) {
    const active = await db
      .selectFrom('housing_registrations')
      .select('id')
      .where('handoff_id', '=', body.handoffId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (active)
      throw conflict(
        say('Deze overdracht staat al op de wachtlijst.', 'This handoff is already on the waiting list.'),
        { registrationId: active.id },
      );
  }
  const now = clock.now();
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('housing_registrations')
      .values({
        municipality_nis: nis,
        person_name: body.personName ?? pre!.personName,
        household_type: household.type,
        adults: household.adults,
        children: household.children,
        ethos: body.ethos ?? pre!.ethos,
        origin: body.origin,
        urgency: body.urgency,
        support_needs: JSON.stringify(body.supportNeeds),
        registered_by: user.id,
        registered_by_kind: user.role === 'ocmw_staff' ? 'ocmw' : 'caw',
        handoff_id: body.handoffId ?? null,
        registered_at: now,
        status: 'waiting',
        pseudonymised_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'create',
      subjectType: 'housing_registration',
      subjectId: r.id,
    });
    return r;
  });
  announce(services);
  return readRegistration(services, user, row.id);
}

function shape(r: {
  id: string;
  municipality_nis: string;
  person_name: string;
  household_type: string;
  adults: number;
  children: number;
  ethos: string;
  origin: string;
  urgency: string;
  support_needs: string[];
  registered_by_kind: string;
  handoff_id: string | null;
  registered_at: Date;
  status: string;
}) {
  return {
    id: r.id,
    municipalityNis: r.municipality_nis,
    personName: r.person_name,
    household: { type: r.household_type, adults: r.adults, children: r.children },
    ethos: r.ethos,
    origin: r.origin,
    urgency: r.urgency,
    supportNeeds: r.support_needs,
    registeredByKind: r.registered_by_kind,
    handoffId: r.handoff_id,
    registeredAt: new Date(r.registered_at).toISOString(),
    status: r.status,
  };
}

export async function listRegistrations(services: Services, user: AuthUser, status: RegistrationStatus[] | undefined) {
  let q = services.db
    .selectFrom('housing_registrations')
    .selectAll()
    .where('municipality_nis', 'in', await housingScope(services.db, user))
    .orderBy('registered_at');
  if (status?.length) q = q.where('status', 'in', status);
  const rows = await q.execute();
  await auditReads(
    services.db,
    services.clock.now(),
    user.id,
    'housing_registration',
    rows.map((r) => r.id),
  );
  return rows.map(shape);
}

export async function registrationInScope(services: Services, user: AuthUser, id: string) {
  const r = await services.db.selectFrom('housing_registrations').selectAll().where('id', '=', id).executeTakeFirst();
  const noSuch = say('Deze aanmelding bestaat niet.', 'No such registration.');
  if (!r) throw notFound(noSuch);
  assertRegion(r.municipality_nis, await regionNis(services.db, regionOf(user)), noSuch);
  assertMunicipality(user, r.municipality_nis);
  return r;
}

export async function readRegistration(services: Services, user: AuthUser, id: string) {
  const r = await registrationInScope(services, user, id);
  await auditReads(services.db, services.clock.now(), user.id, 'housing_registration', [r.id]);
  return shape(r);
}

export async function withdrawRegistration(services: Services, user: AuthUser, id: string) {
  const r = await registrationInScope(services, user, id);
  const now = services.clock.now();
  await services.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('housing_registrations')
      .set({ status: 'withdrawn' })
      .where('id', '=', r.id)
      .where('status', '=', 'waiting')
      .returning('id')
      .executeTakeFirst();
    if (!done)
      throw conflict(
        say('Alleen een wachtende aanmelding kan worden ingetrokken.', 'Only a waiting registration can be withdrawn.'),
      );
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'housing_registration',
      subjectId: r.id,
      detail: { status: 'withdrawn' },
    });
  });
  announce(services);
  return readRegistration(services, user, id);
}
