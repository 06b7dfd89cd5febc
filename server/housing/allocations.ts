// From a free home to a household living in it and, later, leaving it: the proposal ranked by the
// published rules, the allocator's decision (with a reason when it departs from the ranking), the
// move-in that starts a trajectory, and its end. Each step is one transaction with its audit row;
// partial unique indexes stop two decisions or two move-ins on one home, whichever instance they run on.
import { describeRules, rankCandidates, type Ranking } from '../../shared/rules/housing/allocation';
import {
  stayMonths,
  type HomeKind,
  type HomeSuits,
  type Household,
  type Urgency,
} from '../../shared/rules/housing/housing';
import { say } from '../../shared/rules/say';
import { localDate } from '../../shared/rules/wall-clock';
import { audit, auditReads } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import { conflict, fieldError, notFound } from '../http/errors';
import type { Services } from '../services';
import { registrationInScope } from './registrations';
import { regionOf } from '../region/scope';
import { announce, assertMunicipality, assertRegion, housingRules, housingScope, regionNis } from './scope';

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

/** A home of the region (another region's is 404) and the region's municipalities. */
async function homeOr404(services: Services, id: string, region: string) {
  const h = await services.db.selectFrom('transit_homes').selectAll().where('id', '=', id).executeTakeFirst();
  const noSuch = say('Deze woning bestaat niet.', 'No such home.');
  if (!h) throw notFound(noSuch);
  const nis = await regionNis(services.db, region);
  assertRegion(h.municipality_nis, nis, noSuch);
  return { home: h, nis };
}

/**
 * The waiting households ranked for one home, with names for the people who decide: the households on the
 * waiting list of the home's region only (another region's list is another wooncel's).
 */
async function rankFor(services: Services, user: AuthUser, homeId: string) {
  const region = regionOf(user);
  const { home, nis } = await homeOr404(services, homeId, region);
  const [rules, waiting] = await Promise.all([
    housingRules(services.db, region),
    services.db
      .selectFrom('housing_registrations')
      .selectAll()
      .where('status', '=', 'waiting')
      .where('municipality_nis', 'in', nis)
      .execute(),
  ]);
  const ranking = rankCandidates(
    rules,
    { kind: home.kind as HomeKind, suits: home.suits as HomeSuits[] },
    waiting.map((r) => ({
      id: r.id,
      urgency: r.urgency as Urgency,
      registeredAt: r.registered_at,
      household: { type: r.household_type, adults: r.adults, children: r.children } as Household,
    })),
    services.clock.now(),
  );
  return { home, rules, ranking, waiting };
}

export async function proposal(services: Services, user: AuthUser, homeId: string) {
  const { home, rules, ranking, waiting } = await rankFor(services, user, homeId);
  const byId = new Map(waiting.map((r) => [r.id, r]));
  const who = (id: string) => {
    const r = byId.get(id)!;
    return {
      personName: r.person_name,
      municipalityNis: r.municipality_nis,
      household: { type: r.household_type, adults: r.adults, children: r.children },
      urgency: r.urgency,
    };
  };
  await auditReads(
    services.db,
    services.clock.now(),
    user.id,
    'housing_registration',
    waiting.map((r) => r.id),
  );
  return {
    home: { id: home.id, name: home.name, kind: home.kind, suits: home.suits, municipalityNis: home.municipality_nis },
    rules: describeRules(rules),
    order: ranking.order,
    ranked: ranking.ranked.map((c) => ({ ...c, ...who(c.id) })),
    excluded: ranking.excluded.map((c) => ({ ...c, ...who(c.id) })),
  };
}

export async function allocate(
  services: Services,
  user: AuthUser,
  homeId: string,
  body: { registrationId: string; reason?: string },
) {
  const { home, ranking } = await rankFor(services, user, homeId);
  const today = localDate(services.clock.now());
  if (home.active_to !== null && home.active_to < today)
    throw conflict(say('Deze woning is niet meer in de poule.', 'This home has left the pool.'));
  const excluded = ranking.excluded.find((c) => c.id === body.registrationId);
  if (excluded)
    throw fieldError(
      'body.registrationId',
      say(
        `deze woning past niet: ${excluded.reasons.map((r) => r.nl).join('; ')}`,
        `this home does not fit: ${excluded.reasons.map((r) => r.en).join('; ')}`,
      ),
    );
  const chosen = ranking.ranked.find((c) => c.id === body.registrationId);
  if (!chosen) throw fieldError('body.registrationId', say('geen wachtende aanmelding', 'not a waiting registration'));
  if (chosen.rank > 1 && !body.reason) {
    throw fieldError(
      'body.reason',
      say(
        `je kiest nummer ${chosen.rank} van de rangorde: schrijf waarom (minstens 10 tekens)`,
        `you chose number ${chosen.rank} of the ranking: write why (at least 10 characters)`,
      ),
    );
  }
  const now = services.clock.now();
  try {
    const row = await services.db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('housing_registrations')
        .set({ status: 'allocated' })
        .where('id', '=', chosen.id)
        .where('status', '=', 'waiting')
        .returning('id')
        .executeTakeFirst();
      if (!taken)
        throw conflict(
          say(
            'Deze aanmelding is net toegewezen of ingetrokken; kijk opnieuw.',
            'This registration was just allocated or withdrawn; look again.',
          ),
        );
      const a = await trx
        .insertInto('housing_allocations')
        .values({
          home_id: home.id,
          registration_id: chosen.id,
          decided_by: user.id,
          decided_at: now,
          ranking: JSON.stringify(snapshot(ranking)),
          rank: chosen.rank,
          reason: chosen.rank > 1 ? body.reason! : null,
          status: 'allocated',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at: now,
        userId: user.id,
        action: 'create',
        subjectType: 'housing_registration',
        subjectId: chosen.id,
        detail: { action: 'allocated', rank: chosen.rank, reason: body.reason ?? null },
      });
      return a;
    });
    announce(services);
    return {
      id: row.id,
      homeId: home.id,
      registrationId: chosen.id,
      rank: chosen.rank,
      reason: chosen.rank > 1 ? body.reason : null,
    };
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict(
        say(
          'Deze woning is al toegewezen en wacht op de intrek.',
          'This home is already allocated and awaits the move-in.',
        ),
      );
    throw e;
  }
}

/** The ranking as stored with the decision: ids, ranks and reasons, no names. */
const snapshot = (r: Ranking) => ({
  order: r.order,
  ranked: r.ranked.map((c) => ({ id: c.id, rank: c.rank, reasons: c.reasons })),
  excluded: r.excluded.map((c) => c.id),
});

export async function moveIn(
  services: Services,
  user: AuthUser,
  allocationId: string,
  body: { moveIn: string; guidance: { by: string; frequency: string } },
) {
  const { db, clock } = services;
  const a = await db.selectFrom('housing_allocations').selectAll().where('id', '=', allocationId).executeTakeFirst();
  if (!a) throw notFound(say('Deze toewijzing bestaat niet.', 'No such allocation.'));
  await registrationInScope(services, user, a.registration_id);
  if (a.status !== 'allocated')
    throw conflict(
      say('Deze toewijzing is al ingetrokken of afgesloten.', 'This allocation has already moved in or was cancelled.'),
    );
  if (body.moveIn < localDate(a.decided_at))
    throw fieldError(
      'body.moveIn',
      say(
        `ligt vóór de toewijzing (${localDate(a.decided_at)})`,
        `is before the allocation (${localDate(a.decided_at)})`,
      ),
    );
  const occupant = await db
    .selectFrom('housing_trajectories')
    .select(['move_in'])
    .where('home_id', '=', a.home_id)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (occupant)
    throw fieldError(
      'body.moveIn',
      say(
        `de woning is nog bewoond (sinds ${occupant.move_in}); registreer eerst de uitstroom`,
        `the home is still occupied (since ${occupant.move_in}); record the outflow first`,
      ),
    );
  const lastEnd = await db
    .selectFrom('housing_trajectories')
    .select((eb) => eb.fn.max('end_date').as('end'))
    .where('home_id', '=', a.home_id)
    .executeTakeFirst();
  if (lastEnd?.end && body.moveIn < lastEnd.end)
    throw fieldError(
      'body.moveIn',
      say(`de vorige bewoners vertrokken pas op ${lastEnd.end}`, `the previous household only left on ${lastEnd.end}`),
    );
  const now = clock.now();
  try {
    const t = await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('housing_allocations')
        .set({ status: 'moved_in' })
        .where('id', '=', a.id)
        .where('status', '=', 'allocated')
        .returning('id')
        .executeTakeFirst();
      if (!done)
        throw conflict(
          say('Deze toewijzing is net gewijzigd; kijk opnieuw.', 'This allocation changed a moment ago; look again.'),
        );
      await trx
        .updateTable('housing_registrations')
        .set({ status: 'housed' })
        .where('id', '=', a.registration_id)
        .execute();
      const row = await trx
        .insertInto('housing_trajectories')
        .values({
          allocation_id: a.id,
          home_id: a.home_id,
          registration_id: a.registration_id,
          move_in: body.moveIn,
          guidance_by: body.guidance.by,
          guidance_frequency: body.guidance.frequency,
          end_date: null,
          end_kind: null,
          destination: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, {
        at: now,
        userId: user.id,
        action: 'create',
        subjectType: 'housing_registration',
        subjectId: a.registration_id,
        detail: { action: 'moved_in' },
      });
      return row;
    });
    announce(services);
    return readTrajectory(services, user, t.id);
  } catch (e) {
    if (isUniqueViolation(e))
      throw fieldError(
        'body.moveIn',
        say('de woning werd net door een ander huishouden betrokken', 'another household just moved into this home'),
      );
    throw e;
  }
}

export async function endTrajectory(
  services: Services,
  user: AuthUser,
  id: string,
  body: { endDate: string; kind: string; destination: string },
) {
  const { db, clock } = services;
  const t = await trajectoryInScope(services, user, id);
  if (t.end_date !== null)
    throw conflict(say(`Dit traject liep al af op ${t.end_date}.`, `This trajectory already ended on ${t.end_date}.`));
  if (body.endDate < t.move_in)
    throw fieldError('body.endDate', say(`ligt vóór de intrek (${t.move_in})`, `is before the move-in (${t.move_in})`));
  if (
    /^\d{5}$/.test(body.destination) &&
    !(await db.selectFrom('municipalities').select('nis').where('nis', '=', body.destination).executeTakeFirst())
  ) {
    throw fieldError(
      'body.destination',
      say(`onbekende NIS-code ${body.destination}`, `unknown NIS code ${body.destination}`),
    );
  }
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('housing_trajectories')
      .set({ end_date: body.endDate, end_kind: body.kind, destination: body.destination })
      .where('id', '=', id)
      .where('end_date', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict(say('Dit traject is net afgesloten.', 'This trajectory was just ended.'));
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'housing_registration',
      subjectId: t.registration_id,
      detail: { action: 'ended', outcome: body.kind },
    });
  });
  announce(services);
  return readTrajectory(services, user, id);
}

async function trajectoryInScope(services: Services, user: AuthUser, id: string) {
  const t = await services.db
    .selectFrom('housing_trajectories')
    .innerJoin('housing_registrations as r', 'r.id', 'housing_trajectories.registration_id')
    .selectAll('housing_trajectories')
    .select('r.municipality_nis')
    .where('housing_trajectories.id', '=', id)
    .executeTakeFirst();
  const noSuch = say('Dit traject bestaat niet.', 'No such trajectory.');
  if (!t) throw notFound(noSuch);
  assertRegion(t.municipality_nis, await regionNis(services.db, regionOf(user)), noSuch);
  assertMunicipality(user, t.municipality_nis);
  return t;
}

function trajectoryQuery(services: Services) {
  return services.db
    .selectFrom('housing_trajectories as t')
    .innerJoin('housing_registrations as r', 'r.id', 't.registration_id')
    .innerJoin('transit_homes as h', 'h.id', 't.home_id')
    .select([
      't.id',
      't.registration_id',
      't.home_id',
      't.move_in',
      't.guidance_by',
      't.guidance_frequency',
      't.end_date',
      't.end_kind',
      't.destination',
      'r.person_name',
      'r.municipality_nis',
      'r.household_type',
      'r.adults',
      'r.children',
      'h.name as home_name',
    ]);
}

function shapeTrajectory(
  t: Awaited<ReturnType<ReturnType<typeof trajectoryQuery>['executeTakeFirstOrThrow']>>,
  today: string,
) {
  return {
    id: t.id,
    registrationId: t.registration_id,
    homeId: t.home_id,
    homeName: t.home_name,
    personName: t.person_name,
    municipalityNis: t.municipality_nis,
    household: { type: t.household_type, adults: t.adults, children: t.children },
    moveIn: t.move_in,
    guidance: { by: t.guidance_by, frequency: t.guidance_frequency },
    endDate: t.end_date,
    endKind: t.end_kind,
    destination: t.destination,
    stayMonths: stayMonths(t.move_in, t.end_date ?? today),
  };
}

export async function readTrajectory(services: Services, user: AuthUser, id: string) {
  await trajectoryInScope(services, user, id);
  const t = await trajectoryQuery(services).where('t.id', '=', id).executeTakeFirstOrThrow();
  await auditReads(services.db, services.clock.now(), user.id, 'housing_registration', [t.registration_id]);
  return shapeTrajectory(t, localDate(services.clock.now()));
}

export async function listTrajectories(services: Services, user: AuthUser) {
  const rows = await trajectoryQuery(services)
    .where('r.municipality_nis', 'in', await housingScope(services.db, user))
    .orderBy('t.move_in', 'desc')
    .execute();
  await auditReads(
    services.db,
    services.clock.now(),
    user.id,
    'housing_registration',
    rows.map((r) => r.registration_id),
  );
  const today = localDate(services.clock.now());
  return rows.map((r) => shapeTrajectory(r, today));
}

/** Allocations awaiting their move-in (the console's "toegewezen" list). */
export async function pendingAllocations(services: Services, user: AuthUser) {
  const rows = await services.db
    .selectFrom('housing_allocations as a')
    .innerJoin('housing_registrations as r', 'r.id', 'a.registration_id')
    .innerJoin('transit_homes as h', 'h.id', 'a.home_id')
    .select([
      'a.id',
      'a.home_id',
      'h.name as home_name',
      'a.registration_id',
      'r.person_name',
      'r.municipality_nis',
      'a.rank',
      'a.reason',
      'a.decided_at',
    ])
    .where('a.status', '=', 'allocated')
    .where('r.municipality_nis', 'in', await housingScope(services.db, user))
    .orderBy('a.decided_at')
    .execute();
  await auditReads(
    services.db,
    services.clock.now(),
    user.id,
    'housing_registration',
    rows.map((r) => r.registration_id),
  );
  return rows.map((r) => ({
    id: r.id,
    homeId: r.home_id,
    homeName: r.home_name,
    registrationId: r.registration_id,
    personName: r.person_name,
    municipalityNis: r.municipality_nis,
    rank: r.rank,
    reason: r.reason,
    decidedAt: new Date(r.decided_at).toISOString(),
  }));
}
export { assertMunicipality };
