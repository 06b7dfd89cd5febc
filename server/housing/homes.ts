// The pool of transit homes: what each municipality brings against its target (1 per 10,000
// inhabitants), which homes are free, allocated or occupied now, and occupancy per month.
import { perInhabitantsTarget, type HomeKind } from '../../shared/rules/housing/housing';
import { say } from '../../shared/rules/say';
import { localDate } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { audit } from '../audit/audit';
import { fieldError } from '../http/errors';
import type { Services } from '../services';
import { regionOf } from '../region/scope';
import { announce, housingRules, regionNis } from './scope';

export interface NewHome {
  name: string;
  municipalityNis: string;
  broughtByNis?: string;
  kind: HomeKind;
  suits: string[];
  activeFrom: string;
  activeTo?: string | null;
}

const activeOn = (h: { active_from: string; active_to: string | null }, day: string) =>
  h.active_from <= day && (h.active_to === null || h.active_to >= day);

/** The region's pool: its homes (in its municipalities) and its municipalities' targets. */
export async function listPool(services: Services, region: string) {
  const { db, clock } = services;
  const today = localDate(clock.now());
  const nis = await regionNis(db, region);
  const [homes, open, pending, municipalities, rules] = await Promise.all([
    db
      .selectFrom('transit_homes')
      .selectAll()
      .where('municipality_nis', 'in', nis)
      .orderBy('municipality_nis')
      .orderBy('name')
      .execute(),
    db.selectFrom('housing_trajectories').select(['home_id', 'move_in']).where('end_date', 'is', null).execute(),
    db.selectFrom('housing_allocations').select(['home_id', 'decided_at']).where('status', '=', 'allocated').execute(),
    db
      .selectFrom('municipalities')
      .select(['nis', 'name', 'population'])
      .where('region_code', '=', region)
      .orderBy('name')
      .execute(),
    housingRules(db, region),
  ]);
  const occupiedSince = new Map(open.map((t) => [t.home_id, t.move_in]));
  const allocated = new Set(pending.map((a) => a.home_id));
  const list = homes.map((h) => ({
    id: h.id,
    name: h.name,
    municipalityNis: h.municipality_nis,
    broughtByNis: h.brought_by_nis,
    kind: h.kind,
    suits: h.suits,
    activeFrom: h.active_from,
    activeTo: h.active_to,
    active: activeOn(h, today),
    occupiedSince: occupiedSince.get(h.id) ?? null,
    allocated: allocated.has(h.id),
    status: !activeOn(h, today)
      ? 'inactive'
      : occupiedSince.has(h.id)
        ? 'occupied'
        : allocated.has(h.id)
          ? 'allocated'
          : 'free',
  }));
  const targets = municipalities.map((m) => ({
    nis: m.nis,
    name: m.name,
    population: m.population,
    target: perInhabitantsTarget(m.population, rules.perInhabitants),
    brought: homes.filter((h) => h.brought_by_nis === m.nis && activeOn(h, today)).length,
  }));
  return { homes: list, targets, perInhabitants: rules.perInhabitants };
}

export async function createHome(services: Services, user: AuthUser, body: NewHome) {
  const { db, clock } = services;
  // A home is added to the user's current region: a municipality of another region is refused, as for places.
  const known = new Set(await regionNis(db, regionOf(user)));
  if (!known.has(body.municipalityNis))
    throw fieldError('body.municipalityNis', say('geen gemeente van de regio', 'not a municipality of the region'));
  const brought = body.broughtByNis ?? body.municipalityNis;
  if (!known.has(brought))
    throw fieldError('body.broughtByNis', say('geen gemeente van de regio', 'not a municipality of the region'));
  if (body.activeTo && body.activeTo < body.activeFrom)
    throw fieldError('body.activeTo', say('ligt vóór activeFrom', 'is before activeFrom'));
  const now = clock.now();
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('transit_homes')
      .values({
        name: body.name,
        municipality_nis: body.municipalityNis,
        brought_by_nis: brought,
        kind: body.kind,
        suits: JSON.stringify(body.suits),
        active_from: body.activeFrom,
        active_to: body.activeTo ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { at: now, userId: user.id, action: 'create', subjectType: 'transit_home', subjectId: r.id });
    return r;
  });
  announce(services);
  return row;
}

/** Per month: home-days occupied over home-days the region's pool had, and the households living in. */
export async function occupancy(services: Services, region: string, from: string, to: string) {
  const { db } = services;
  const nis = await regionNis(db, region);
  const [homes, trajectories] = await Promise.all([
    db
      .selectFrom('transit_homes')
      .select(['id', 'active_from', 'active_to'])
      .where('municipality_nis', 'in', nis)
      .execute(),
    db
      .selectFrom('housing_trajectories')
      .innerJoin('transit_homes', 'transit_homes.id', 'housing_trajectories.home_id')
      .select(['home_id', 'move_in', 'end_date'])
      .where('transit_homes.municipality_nis', 'in', nis)
      .execute(),
  ]);
  const months: { month: string; homeDays: number; occupiedDays: number; rate: number }[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    const days = daysOf(m);
    let homeDays = 0;
    let occupiedDays = 0;
    for (const d of days) {
      homeDays += homes.filter((h) => activeOn(h, d)).length;
      // A household occupies the home from the day it moves in until (not including) the day it leaves.
      occupiedDays += trajectories.filter((t) => t.move_in <= d && (t.end_date === null || t.end_date > d)).length;
    }
    months.push({
      month: m,
      homeDays,
      occupiedDays,
      rate: homeDays ? Math.round((occupiedDays / homeDays) * 1000) / 1000 : 0,
    });
  }
  return months;
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function daysOf(m: string): string[] {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${m}-${String(i + 1).padStart(2, '0')}`);
}
