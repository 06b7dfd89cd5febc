// Reading intakes. Every read of a personal record is audited, and what a role may see is decided
// here: the desk sees intakes; OCMW staff see an intake only through a handoff to their municipality.
import { maskRrn } from '../../shared/rules/rrn';
import { decryptRrn } from '../privacy/rrn-crypto';
import { auditReads } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import { forbidden, notFound } from '../http/errors';
import type { Services } from '../services';
import { say } from '../../shared/rules/say';
import { letterLanguage } from '../region/belgium';
import { referrerSmsOf } from '../referrer/referrer.queries';
import { can, inScope, scope } from '../policies';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Throws 403 unless the user may read this intake (a scoped user: only via a handoff within their scope). */
export async function assertMayRead(services: Services, user: AuthUser, intakeId: string): Promise<void> {
  if (can(user, 'intakes.read')) {
    if (scope(user) === null) return;
    const h = await services.db
      .selectFrom('handoffs')
      .select('ocmw_nis')
      .where('intake_id', '=', intakeId)
      .executeTakeFirst();
    if (h && inScope(user, h.ocmw_nis)) return;
  }
  throw forbidden(say('Dit dossier is niet aan jouw OCMW overgedragen.', 'This case is not handed to your OCMW.'));
}

/** @public */
export async function readIntake(services: Services, user: AuthUser, id: string) {
  const { db, clock } = services;
  const row = await db.selectFrom('intakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(say('Deze aanmelding bestaat niet.', 'No such intake.'));
  await assertMayRead(services, user, id);
  const [hold, guarantee, handoff, call, earlier, names] = await Promise.all([
    row.hold_id
      ? db
          .selectFrom('holds')
          .innerJoin('places', 'places.id', 'holds.place_id')
          .select([
            'holds.id',
            'holds.status',
            'holds.expires_at',
            'holds.placed_at',
            'places.id as placeId',
            'places.name as placeName',
            'places.municipality_nis as placeNis',
            'places.type as placeType',
            'places.phone as placePhone',
            'places.address as placeAddress',
            'places.confidential_address as placeConfidential',
          ])
          .where('holds.id', '=', row.hold_id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('guarantees').selectAll().where('intake_id', '=', id).executeTakeFirst(),
    db.selectFrom('handoffs').selectAll().where('intake_id', '=', id).executeTakeFirst(),
    row.call_id
      ? db
          .selectFrom('calls')
          .select(['id', 'from_number', 'caller_name', 'started_at'])
          .where('id', '=', row.call_id)
          .executeTakeFirst()
      : undefined,
    earlierContacts(services, user, row.person_key, id),
    db.selectFrom('municipalities').select(['nis', 'name']).execute(),
  ]);
  const ocmw = await ocmwSummary(db, row.competent_nis);
  const events = handoff
    ? await db
        .selectFrom('handoff_events')
        .leftJoin('users', 'users.id', 'handoff_events.user_id')
        .select([
          'handoff_events.at',
          'handoff_events.kind',
          'handoff_events.ocmw_nis',
          'handoff_events.detail',
          'users.display_name',
        ])
        .where('handoff_id', '=', handoff.id)
        .orderBy('handoff_events.id')
        .execute()
    : [];
  const ackBy = handoff?.acknowledged_by
    ? await db.selectFrom('users').select('display_name').where('id', '=', handoff.acknowledged_by).executeTakeFirst()
    : undefined;
  await auditReads(db, clock.now(), user.id, 'intake', [id, ...earlier.map((e) => e.id)]);
  const name = (nis: string) => names.find((m) => m.nis === nis)?.name ?? nis;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    createdAt: iso(row.created_at),
    call: call
      ? { id: call.id, from: call.from_number, callerName: call.caller_name, startedAt: iso(call.started_at) }
      : null,
    referrer: row.referrer,
    person: {
      name: row.person_name,
      birthDate: row.birth_date,
      birthYear: row.birth_year,
      sex: row.sex,
      rrn: row.rrn && services.config.rrnKeys ? maskRrn(decryptRrn(row.rrn, services.config.rrnKeys)) : null,
    },
    pseudonymisedAt: iso(row.pseudonymised_at),
    household: {
      type: row.household_type,
      adults: row.adults,
      children: row.children,
      childrenAges: row.children_ages,
    },
    ethos: row.ethos,
    previousNights: row.previous_nights,
    needs: row.needs,
    story: row.story,
    facts: row.facts,
    competence: { ...row.competence, nis: row.competent_nis, name: name(row.competent_nis), ocmw },
    hold: hold
      ? {
          id: hold.id,
          status: hold.status,
          expiresAt: iso(hold.expires_at),
          placedAt: iso(hold.placed_at),
          place: {
            id: hold.placeId,
            name: hold.placeName,
            type: hold.placeType,
            municipality: name(hold.placeNis),
            // What the worker passes to the police patrol; a refuge's address never leaves the building.
            phone: hold.placePhone,
            address: hold.placeConfidential ? null : hold.placeAddress,
            confidentialAddress: hold.placeConfidential,
          },
        }
      : null,
    guarantee: guarantee
      ? {
          ocmw: { nis: guarantee.ocmw_nis, name: name(guarantee.ocmw_nis) },
          firstNight: guarantee.first_night,
          nights: guarantee.nights,
          costPerNightCents: guarantee.cost_per_night_cents,
          totalCents: guarantee.total_cents,
        }
      : null,
    handoff: handoff
      ? {
          id: handoff.id,
          status: handoff.status,
          ocmw: { nis: handoff.ocmw_nis, name: name(handoff.ocmw_nis) },
          dueAt: iso(handoff.due_at),
          receivedAt: iso(handoff.received_at),
          acknowledgedAt: iso(handoff.acknowledged_at),
          acknowledgedBy: ackBy?.display_name ?? null,
          outcome: handoff.outcome,
          closedAt: iso(handoff.closed_at),
          escalatedAt: iso(handoff.escalated_at),
          served:
            handoff.ocmw_nis === row.competent_nis ? ocmw.served : (await ocmwSummary(db, handoff.ocmw_nis)).served,
          handover: handoff.handover,
          events: events.map((e) => ({
            at: iso(e.at),
            kind: e.kind,
            ocmw: name(e.ocmw_nis),
            by: e.display_name,
            detail: e.detail,
          })),
        }
      : null,
    earlier: earlier.map((e) => ({ ...e, competentName: name(e.competentNis) })),
    // The desk's view of the texts to the referrer; OCMW staff have no business with them.
    referrerSms: can(user, 'referrer.read')
      ? await referrerSmsOf(services, { id: row.id, referrer: row.referrer })
      : null,
  };
}

/**
 * The OCMW of a municipality as the worker needs it: its name in its own language, whether the desk
 * serves it (one of its regions: it sees the handoff in the console) or must hand over by phone or
 * e-mail, and the language of a letter to it.
 * @public
 */
export async function ocmwSummary(db: Services['db'], nis: string) {
  const row = await db
    .selectFrom('municipalities')
    .innerJoin('ocmws', 'ocmws.municipality_nis', 'municipalities.nis')
    .select(['ocmws.name', 'ocmws.phone', 'ocmws.email', 'municipalities.region_code', 'municipalities.belgian_region'])
    .where('municipalities.nis', '=', nis)
    .executeTakeFirst();
  return {
    nis,
    name: row?.name ?? nis,
    phone: row?.phone ?? null,
    email: row?.email ?? null,
    served: Boolean(row?.region_code),
    belgianRegion: row?.belgian_region ?? null,
    letterLanguage: letterLanguage(row?.belgian_region ?? null),
  };
}

/** Other intakes of the same person (name + birth date), limited to what this user may see. */
async function earlierContacts(services: Services, user: AuthUser, key: string | null, exceptId: string) {
  if (!key) return [];
  let q = services.db
    .selectFrom('intakes')
    .leftJoin('handoffs', 'handoffs.intake_id', 'intakes.id')
    .leftJoin('holds', 'holds.id', 'intakes.hold_id')
    .leftJoin('places', 'places.id', 'holds.place_id')
    .select([
      'intakes.id',
      'intakes.created_at',
      'intakes.competent_nis',
      'intakes.ethos',
      'intakes.household_type',
      'places.name as placeName',
      'handoffs.outcome',
    ])
    .where('intakes.person_key', '=', key)
    .where('intakes.id', '!=', exceptId);
  const own = scope(user);
  if (own) q = q.where('handoffs.ocmw_nis', 'in', own.length ? own : ['-']);
  const rows = await q.orderBy('intakes.created_at', 'desc').limit(20).execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: iso(r.created_at)!,
    competentNis: r.competent_nis,
    ethos: r.ethos,
    householdType: r.household_type,
    placeName: r.placeName,
    outcome: r.outcome,
  }));
}

/** The desk's recent intakes (last 7 days, newest first): who, status, where held or placed. */
export async function listIntakes(services: Services, user: AuthUser) {
  const { db, clock } = services;
  const now = clock.now();
  const rows = await db
    .selectFrom('intakes')
    .leftJoin('holds', 'holds.id', 'intakes.hold_id')
    .leftJoin('places', 'places.id', 'holds.place_id')
    .select([
      'intakes.id',
      'intakes.reference',
      'intakes.person_name',
      'intakes.status',
      'intakes.created_at',
      'intakes.household_type',
      'intakes.children',
      'intakes.competent_nis',
      'holds.status as holdStatus',
      'places.name as placeName',
    ])
    .where('intakes.created_at', '>', new Date(now.getTime() - 7 * 86_400_000))
    .orderBy('intakes.created_at', 'desc')
    .limit(100)
    .execute();
  await auditReads(
    db,
    now,
    user.id,
    'intake',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    name: r.person_name,
    status: r.status,
    createdAt: iso(r.created_at),
    householdType: r.household_type,
    children: r.children,
    competentNis: r.competent_nis,
    holdStatus: r.holdStatus,
    placeName: r.placeName,
  }));
}
