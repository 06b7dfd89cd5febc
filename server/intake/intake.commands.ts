// Writing intakes: create (with the competent OCMW decided and explained), change the competent
// OCMW with a written reason, hold a place for the person, and the placement that turns the hold
// into a cost guarantee and a handoff in one transaction: all of it, or nothing.
import { decideCompetence, namedMunicipalities, type CompetenceFacts } from '../../shared/rules/competence';
import { guaranteeTerms } from '../../shared/rules/intake/guarantee';
import { boardHousehold, initialsOf, type IntakeInput } from '../../shared/rules/intake/intake-schema';
import { localDate } from '../../shared/rules/wall-clock';
import { audit } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import { announceBoard, expireDueHolds } from '../capacity/expiry';
import { holdInReach, insertHold, markHoldPlaced } from '../capacity/holds';
import { announceHandoffs, openHandoff } from '../handoffs/open';
import { linkHold, markIntakePlaced } from './intake.state';
import { conflict, fieldError, notFound } from '../http/errors';
import type { Services } from '../services';
import { personKey } from './person-key';
import { encryptRrn } from '../privacy/rrn-crypto';
import { ocmwOf, regionContext, resolveMunicipalities, withResolved } from './region-context';
import { say } from '../../shared/rules/say';
import { allocateReference } from './reference';
import { queueReferrerSms } from '../referrer/confirmation';
import { announceIntake } from './announce';
import { regionOf } from '../region/scope';

export async function createIntake(services: Services, user: AuthUser, input: IntakeInput): Promise<string> {
  const { db, clock } = services;
  const now = clock.now();
  const region = regionOf(user);
  if (input.person.birthDate && input.person.birthDate > localDate(now)) {
    throw fieldError('body.person.birthDate', say('ligt in de toekomst', 'lies in the future'));
  }
  if (input.person.rrn && !services.config.storeRrn) {
    throw fieldError(
      'body.person.rrn',
      say(
        'deze installatie bewaart geen rijksregisternummers (STORE_RRN staat uit); laat het weg, naam en geboortedatum volstaan',
        'this deployment does not store national register numbers (STORE_RRN is off); leave it out, name and birth date are enough',
      ),
    );
  }
  const ctx = await regionContext(db, region);
  const resolved = resolveMunicipalities(ctx, [
    ...namedMunicipalities(input.facts).map((f) => ({ ...f, path: `facts.${f.path}` })),
    ...(input.override ? [{ path: 'override.nis', nis: input.override.nis }] : []),
  ]);
  input = {
    ...input,
    facts: withResolved(input.facts, resolved, 'facts.'),
    override: input.override && withResolved(input.override, resolved, 'override.'),
  };
  if (input.callId && !(await db.selectFrom('calls').select('id').where('id', '=', input.callId).executeTakeFirst())) {
    throw fieldError('body.callId', say('geen oproep met deze id', 'no call with this id'));
  }
  const decision = decideCompetence(input.facts, {
    name: ctx.name,
    agreements: ctx.agreements,
    override: input.override,
  });
  const id = await db.transaction().execute(async (trx) => {
    const ref = await allocateReference(trx, now, region);
    const row = await trx
      .insertInto('intakes')
      .values({
        reference: ref.reference,
        reference_night: ref.night,
        call_id: input.callId ?? null,
        region_code: region,
        created_by: user.id,
        created_at: now,
        updated_at: now,
        referrer_kind: input.referrer.kind,
        referrer: JSON.stringify(input.referrer),
        person_name: input.person.name,
        birth_date: input.person.birthDate ?? null,
        birth_year:
          input.person.birthYear ?? (input.person.birthDate ? Number(input.person.birthDate.slice(0, 4)) : null),
        sex: input.person.sex ?? null,
        rrn: input.person.rrn ? encryptRrn(input.person.rrn, services.config.rrnKeys!) : null,
        person_key: personKey(input.person.name, input.person.birthDate),
        household_type: input.household.type,
        adults: input.household.adults,
        children: input.household.children,
        children_ages: input.household.childrenAges ? JSON.stringify(input.household.childrenAges) : null,
        ethos: input.ethos,
        previous_nights: input.previousNights || null,
        needs: JSON.stringify(input.needs),
        story: input.story || null,
        request_nis: input.facts.requestNis,
        facts: JSON.stringify(input.facts),
        competence: JSON.stringify(decision),
        competent_nis: decision.nis,
        competence_rule: decision.rule,
        override: input.override ? JSON.stringify({ ...input.override, by: user.id, at: now.toISOString() }) : null,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'create',
      subjectType: 'intake',
      subjectId: row.id,
      detail: { rule: decision.rule, nis: decision.nis },
    });
    return row.id;
  });
  announceIntake(services, id, region);
  return id;
}

async function intakeRow(services: Services, id: string) {
  const row = await services.db.selectFrom('intakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(say('Deze aanmelding bestaat niet.', 'No such intake.'));
  return row;
}

export async function overrideCompetence(
  services: Services,
  user: AuthUser,
  id: string,
  body: { nis: string; reason: string },
) {
  const { db, clock } = services;
  const now = clock.now();
  const row = await intakeRow(services, id);
  if (row.status === 'placed' || row.status === 'closed') {
    throw conflict(
      say(
        'Deze persoon is geplaatst en overgedragen: het OCMW stuurt het dossier zelf door als het niet bevoegd is.',
        'This person is placed and handed off: the OCMW forwards the case itself if it is not competent.',
      ),
    );
  }
  const ctx = await regionContext(db, row.region_code);
  body = withResolved(body, resolveMunicipalities(ctx, [{ path: 'nis', nis: body.nis }]));
  const decision = decideCompetence(row.facts as unknown as CompetenceFacts, {
    name: ctx.name,
    agreements: ctx.agreements,
    override: body,
  });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('intakes')
      .set({
        competence: JSON.stringify(decision),
        competent_nis: decision.nis,
        updated_at: now,
        override: JSON.stringify({ ...body, by: user.id, at: now.toISOString() }),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'intake',
      subjectId: id,
      detail: { competence: body.nis, reason: body.reason },
    });
  });
  announceIntake(services, id, row.region_code);
}

export async function holdForIntake(
  services: Services,
  user: AuthUser,
  id: string,
  body: { placeId: string; minutes?: number; overrideReason?: string },
) {
  const row = await intakeRow(services, id);
  if (row.status === 'placed' || row.status === 'closed')
    throw conflict(say('Deze persoon is al geplaatst.', 'This person is already placed.'));
  if (row.hold_id) {
    const current = await services.db
      .selectFrom('holds')
      .select('status')
      .where('id', '=', row.hold_id)
      .executeTakeFirst();
    if (current?.status === 'held')
      throw conflict(
        say(
          'Er wordt al een plaats vastgehouden voor deze persoon; geef die eerst vrij om een andere vast te houden.',
          'A place is already held for this person; release it first to hold another.',
        ),
      );
  }
  const household = boardHousehold(
    { type: row.household_type as never, adults: row.adults, children: row.children },
    row.sex ?? undefined,
    row.needs,
  );
  await expireDueHolds(services, body.placeId); // before the transaction: expiry runs one of its own
  // The hold, its link to the intake and the referrer's confirmation are one transaction: when the
  // intake changed meanwhile, no place is kept for nobody.
  const now = services.clock.now();
  const hold = await services.db.transaction().execute(async (trx) => {
    const held = await insertHold(trx, now, user, {
      placeId: body.placeId,
      initials: initialsOf(row.person_name),
      household,
      minutes: body.minutes,
      overrideReason: body.overrideReason,
    });
    if (!(await linkHold(trx, id, held.id, ['open', 'held'], now)))
      throw conflict(
        say('Deze aanmelding is net gewijzigd; kijk opnieuw.', 'This intake changed a moment ago; look again.'),
      );
    await queueReferrerSms(services, trx, id, 'held', held.id);
    return held;
  });
  announceBoard(services, hold.placeId);
  announceIntake(services, id, row.region_code);
  return hold;
}

/**
 * "Arrived" on a hold made from the board: the intake typed now takes that hold over (no second hold,
 * no race for the place), so the placement that follows makes the guarantee and the handoff.
 */
export async function adoptHold(services: Services, user: AuthUser, id: string, holdId: string) {
  const { db, clock } = services;
  await expireDueHolds(services);
  const row = await intakeRow(services, id);
  if (row.status !== 'open')
    throw conflict(
      say(
        'Voor deze aanmelding wordt al een plaats vastgehouden, of ze is al geplaatst.',
        'This intake already holds a place or is already placed.',
      ),
    );
  const hold = await db
    .selectFrom('holds')
    .select(['id', 'status', 'place_id', 'region_code'])
    .where('id', '=', holdId)
    .executeTakeFirst();
  if (!hold || !(await holdInReach(db, user, hold)))
    throw notFound(say('Deze vasthouding bestaat niet.', 'No such hold.'));
  if (hold.status !== 'held')
    throw conflict(
      say(
        'Deze vasthouding is verlopen of vrijgegeven; hou opnieuw een plaats vast.',
        'This hold expired or was released; hold a place again.',
      ),
      { reason: hold.status },
    );
  const taken = await db.selectFrom('intakes').select('id').where('hold_id', '=', holdId).executeTakeFirst();
  if (taken)
    throw conflict(
      say('Deze vasthouding hoort al bij een andere aanmelding.', 'This hold already belongs to another intake.'),
    );
  const linked = await db.transaction().execute(async (trx) => {
    const done = await linkHold(trx, id, holdId, ['open'], clock.now());
    if (done) await queueReferrerSms(services, trx, id, 'held', holdId);
    return done;
  });
  if (!linked)
    throw conflict(
      say('Deze aanmelding is net gewijzigd; kijk opnieuw.', 'This intake changed a moment ago; look again.'),
    );
  await audit(db, {
    at: clock.now(),
    userId: user.id,
    action: 'update',
    subjectType: 'hold',
    subjectId: holdId,
    detail: { intake: id },
  });
  announceIntake(services, id, row.region_code);
}

export async function placeIntake(services: Services, user: AuthUser, id: string) {
  const { db, clock } = services;
  await expireDueHolds(services);
  const now = clock.now();
  const row = await intakeRow(services, id);
  if (!row.hold_id || row.status !== 'held')
    throw conflict(
      say(
        'Hou eerst een plaats vast voor deze persoon; de plaatsing maakt van die vasthouding een verblijf.',
        'Hold a place for this person first; the placement turns that hold into a stay.',
      ),
    );
  const ctx = await regionContext(db, row.region_code);
  const result = await db.transaction().execute(async (trx) => {
    const hold = await markHoldPlaced(trx, row.hold_id!, now);
    const place = await trx
      .selectFrom('places')
      .select(['municipality_nis', 'cost_per_night_cents'])
      .where('id', '=', hold.place_id)
      .executeTakeFirstOrThrow();
    const decision = decideCompetence(row.facts as unknown as CompetenceFacts, {
      name: ctx.name,
      agreements: ctx.agreements,
      placeNis: place.municipality_nis,
      override: row.override ? { nis: row.override.nis, reason: row.override.reason } : null,
    });
    const ocmw = await ocmwOf(trx, decision.nis);
    const terms = guaranteeTerms(now, ocmw.calendar, place.cost_per_night_cents);
    const handoffId = await openHandoff(trx, { intakeId: id, hold, decision, terms, userId: user.id, now });
    await markIntakePlaced(trx, id, decision, now);
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'intake',
      subjectId: id,
      detail: { placed: hold.place_id, ocmw: decision.nis, nights: terms.nights },
    });
    await queueReferrerSms(services, trx, id, 'arrived', hold.id);
    return { handoffId, placeId: hold.place_id, terms };
  });
  announceBoard(services, result.placeId);
  announceIntake(services, id, row.region_code);
  await announceHandoffs(services, result.handoffId);
  return result;
}
