// The accelerated-allocation contingent (versnelde toewijzing, art. 24 Sociaal Huurbesluit): per
// municipality 1 social home a year per 10,000 inhabitants, requested by referrers (OCMW, CAW, youth
// care, mental health care, the SHM) and granted by the allocator up to the target. No names are kept:
// a request is the municipality, the referrer and the household type.
import { perInhabitantsTarget } from '../../shared/rules/housing/housing';
import { say } from '../../shared/rules/say';
import { localDate } from '../../shared/rules/wall-clock';
import { audit } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import { conflict, fieldError, notFound } from '../http/errors';
import type { Services } from '../services';
import { regionOf } from '../region/scope';
import { announce, assertMunicipality, assertRegion, housingRules, housingScope, regionNis } from './scope';

const yearOf = (d: Date) => localDate(d).slice(0, 4);

export async function contingentOverview(services: Services, user: AuthUser, year: string) {
  const { db } = services;
  // The region's municipalities, narrowed to OCMW staff's own.
  const scope = await housingScope(db, user);
  const [municipalities, requests, rules] = await Promise.all([
    db
      .selectFrom('municipalities')
      .select(['nis', 'name', 'population'])
      .where('nis', 'in', scope)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('housing_contingent_requests')
      .selectAll()
      .where('municipality_nis', 'in', scope)
      .orderBy('requested_at')
      .execute(),
    housingRules(db, regionOf(user)),
  ]);
  const inYear = requests.filter((r) => yearOf(r.requested_at) === year);
  return {
    year,
    perInhabitants: rules.perInhabitants,
    municipalities: municipalities.map((m) => {
      const own = inYear.filter((r) => r.municipality_nis === m.nis);
      const target = perInhabitantsTarget(m.population, rules.perInhabitants);
      const granted = own.filter((r) => r.status === 'granted').length;
      return {
        nis: m.nis,
        name: m.name,
        target,
        granted,
        requested: own.filter((r) => r.status === 'requested').length,
        available: Math.max(0, target - granted),
      };
    }),
    byReferrer: Object.entries(
      inYear.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.referrer]: (acc[r.referrer] ?? 0) + 1 }), {}),
    ).map(([referrer, n]) => ({ referrer, requests: n })),
    requests: inYear.map((r) => ({
      id: r.id,
      municipalityNis: r.municipality_nis,
      referrer: r.referrer,
      householdType: r.household_type,
      status: r.status,
      requestedAt: new Date(r.requested_at).toISOString(),
    })),
  };
}

export async function requestContingent(
  services: Services,
  user: AuthUser,
  body: { municipalityNis: string; referrer: string; householdType: string },
) {
  const { db, clock } = services;
  if (
    !(await db
      .selectFrom('municipalities')
      .select('nis')
      .where('nis', '=', body.municipalityNis)
      .where('region_code', '=', regionOf(user))
      .executeTakeFirst())
  ) {
    throw fieldError('body.municipalityNis', say('geen gemeente van de regio', 'not a municipality of the region'));
  }
  assertMunicipality(user, body.municipalityNis);
  const now = clock.now();
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('housing_contingent_requests')
      .values({
        municipality_nis: body.municipalityNis,
        referrer: body.referrer,
        household_type: body.householdType,
        requested_by: user.id,
        requested_at: now,
        status: 'requested',
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'create',
      subjectType: 'housing_contingent',
      subjectId: r.id,
    });
    return r;
  });
  announce(services);
  return { id: row.id, status: 'requested' };
}

/** Grant, refuse or withdraw a request; a grant beyond the municipality's target for the year is refused. */
export async function decideContingent(
  services: Services,
  user: AuthUser,
  id: string,
  status: 'granted' | 'refused' | 'withdrawn',
) {
  const { db, clock } = services;
  const r = await db.selectFrom('housing_contingent_requests').selectAll().where('id', '=', id).executeTakeFirst();
  const noSuch = say('Deze aanvraag bestaat niet.', 'No such request.');
  if (!r) throw notFound(noSuch);
  const region = regionOf(user);
  assertRegion(r.municipality_nis, await regionNis(db, region), noSuch);
  if (r.status !== 'requested')
    throw conflict(say('Over deze aanvraag is al beslist.', 'This request has already been decided.'));
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (status === 'granted') {
      const m = await trx
        .selectFrom('municipalities')
        .select('population')
        .where('nis', '=', r.municipality_nis)
        .executeTakeFirstOrThrow();
      const target = perInhabitantsTarget(m.population, (await housingRules(trx, region)).perInhabitants);
      const year = yearOf(r.requested_at);
      const granted = (
        await trx
          .selectFrom('housing_contingent_requests')
          .select('requested_at')
          .where('municipality_nis', '=', r.municipality_nis)
          .where('status', '=', 'granted')
          .execute()
      ).filter((g) => yearOf(g.requested_at) === year).length;
      if (granted >= target)
        throw conflict(
          say(
            `Het contingent van deze gemeente voor ${year} is op: ${granted} van ${target} toegekend.`,
            `This municipality's contingent for ${year} is used: ${granted} of ${target} granted.`,
          ),
        );
    }
    const done = await trx
      .updateTable('housing_contingent_requests')
      .set({ status, decided_by: user.id, decided_at: now })
      .where('id', '=', id)
      .where('status', '=', 'requested')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict(say('Over deze aanvraag is net beslist.', 'This request was just decided.'));
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'housing_contingent',
      subjectId: id,
      detail: { status },
    });
  });
  announce(services);
  return { id, status };
}
