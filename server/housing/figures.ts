// The wooncel's figures, as the Kempen publishes them (Welzijnszorg Kempen, 2019), computed from the
// data: registrations; households and persons housed (adults, children); household types; home types;
// where they came from (homeless, unstable or inadequate housing); finished trajectories and their
// length; outflow by kind and destination. Only counts leave: no names.
//   registrations: registered in the period; housed: moved in during the period; finished: ended in it.
import { HOUSING_TABLES } from '../../shared/api/housing';
import { ORIGIN_GROUPS, ORIGINS, stayMonths, type Origin } from '../../shared/rules/housing/housing';
import { localDate } from '../../shared/rules/wall-clock';
import type { Services } from '../services';

export interface HousingFigureFilter {
  from: string;
  to: string;
  nis: string[] | null;
  /** The region whose municipalities a destination is named by (else "outside the region"); absent: every region's. */
  region?: string | null;
}

const countBy = <T>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function housingFigures(services: Services, f: HousingFigureFilter) {
  const { db } = services;
  const inScope = (nis: string) => f.nis === null || f.nis.includes(nis);
  const within = (day: string | null) => day !== null && day >= f.from && day <= f.to;
  const [registrations, trajectories, municipalities] = await Promise.all([
    db.selectFrom('housing_registrations').select(['registered_at', 'municipality_nis']).execute(),
    db
      .selectFrom('housing_trajectories as t')
      .innerJoin('housing_registrations as r', 'r.id', 't.registration_id')
      .innerJoin('transit_homes as h', 'h.id', 't.home_id')
      .select([
        't.move_in',
        't.end_date',
        't.end_kind',
        't.destination',
        't.guidance_by',
        'r.municipality_nis',
        'r.household_type',
        'r.adults',
        'r.children',
        'r.origin',
        'h.kind',
      ])
      .execute(),
    db.selectFrom('municipalities').select(['nis', 'name', 'region_code']).execute(),
  ]);
  const housed = trajectories.filter((t) => inScope(t.municipality_nis) && within(t.move_in));
  const finished = trajectories.filter((t) => inScope(t.municipality_nis) && within(t.end_date));
  const months = finished.map((t) => stayMonths(t.move_in, t.end_date!));
  const region = new Map(
    municipalities
      .filter((m) => (f.region ? m.region_code === f.region : m.region_code !== null))
      .map((m) => [m.nis, m.name]),
  );
  const destinationOf = (d: string | null) =>
    d === null || d === 'unknown' ? 'unknown' : region.has(d) ? d : 'outside_region';
  const origins = countBy(housed, (t) => t.origin);
  const list = (m: Map<string, number>, name: string) =>
    [...m]
      .map(([k, n]) => ({ [name]: k, count: n }))
      .sort((a, b) => b.count - a.count || String(a[name]).localeCompare(String(b[name])));
  return {
    period: { from: f.from, to: f.to },
    registrations: registrations.filter((r) => inScope(r.municipality_nis) && within(localDate(r.registered_at)))
      .length,
    housed: {
      households: housed.length,
      adults: housed.reduce((s, t) => s + t.adults, 0),
      children: housed.reduce((s, t) => s + t.children, 0),
      persons: housed.reduce((s, t) => s + t.adults + t.children, 0),
    },
    householdTypes: list(
      countBy(housed, (t) => t.household_type),
      'type',
    ),
    homeKinds: list(
      countBy(housed, (t) => t.kind),
      'kind',
    ),
    origins: ORIGIN_GROUPS.map((group) => ({
      group,
      count: housed.filter((t) => ORIGINS[t.origin as Origin] === group).length,
      origins: (Object.keys(ORIGINS) as Origin[])
        .filter((o) => ORIGINS[o] === group)
        .map((origin) => ({ origin, count: origins.get(origin) ?? 0 })),
    })),
    finished: {
      trajectories: finished.length,
      minMonths: months.length ? Math.min(...months) : null,
      avgMonths: months.length ? round1(months.reduce((s, m) => s + m, 0) / months.length) : null,
      maxMonths: months.length ? Math.max(...months) : null,
    },
    outflow: list(
      countBy(finished, (t) => t.end_kind!),
      'kind',
    ),
    destinations: [...countBy(finished, (t) => destinationOf(t.destination))]
      .map(([destination, count]) => ({ destination, name: region.get(destination) ?? null, count }))
      .sort((a, b) => b.count - a.count || a.destination.localeCompare(b.destination)),
    guidance: list(
      countBy(finished, (t) => t.guidance_by),
      'by',
    ),
  };
}
export type HousingFigures = Awaited<ReturnType<typeof housingFigures>>;

// The tables are named in the contract (the CSV filter refuses others).
export { HOUSING_TABLES };
export type HousingTable = (typeof HOUSING_TABLES)[number];

/** One table of the figures for CSV, headers in the reader's language. */
export function housingTable(
  f: HousingFigures,
  table: HousingTable,
  lang: 'nl' | 'en',
): { header: string[]; rows: (string | number | null)[][] } {
  const nl = lang === 'nl';
  switch (table) {
    case 'summary':
      return {
        header: nl ? ['cijfer', 'aantal'] : ['figure', 'count'],
        rows: [
          [nl ? 'aanmeldingen' : 'registrations', f.registrations],
          [nl ? 'opgevangen cliëntsystemen' : 'households housed', f.housed.households],
          [nl ? 'opgevangen personen' : 'persons housed', f.housed.persons],
          [nl ? 'volwassenen' : 'adults', f.housed.adults],
          [nl ? 'kinderen' : 'children', f.housed.children],
          [nl ? 'afgeronde trajecten' : 'finished trajectories', f.finished.trajectories],
          [nl ? 'verblijfsduur min (maanden)' : 'stay min (months)', f.finished.minMonths],
          [nl ? 'verblijfsduur gemiddeld (maanden)' : 'stay average (months)', f.finished.avgMonths],
          [nl ? 'verblijfsduur max (maanden)' : 'stay max (months)', f.finished.maxMonths],
        ],
      };
    case 'household_types':
      return {
        header: nl ? ['huishouden', 'aantal'] : ['household', 'count'],
        rows: f.householdTypes.map((r) => [String(r.type), r.count]),
      };
    case 'home_kinds':
      return {
        header: nl ? ['woningtype', 'aantal'] : ['home type', 'count'],
        rows: f.homeKinds.map((r) => [String(r.kind), r.count]),
      };
    case 'origins':
      return {
        header: nl ? ['groep', 'herkomst', 'aantal'] : ['group', 'origin', 'count'],
        rows: f.origins.flatMap((g) => [
          [g.group, null, g.count],
          ...g.origins.map((o) => [g.group, o.origin, o.count]),
        ]),
      };
    case 'outflow':
      return {
        header: nl ? ['woonvorm', 'aantal'] : ['outflow', 'count'],
        rows: f.outflow.map((r) => [String(r.kind), r.count]),
      };
    case 'destinations':
      return {
        header: nl ? ['bestemming', 'gemeente', 'aantal'] : ['destination', 'municipality', 'count'],
        rows: f.destinations.map((r) => [r.destination, r.name, r.count]),
      };
  }
}
