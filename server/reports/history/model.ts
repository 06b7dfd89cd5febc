// The shape of ten believable years: how many calls and intakes a night gets (winter peak, busier
// weekends and holidays, slow growth), at what hour, from whom, which households in which situation.
// Pure and seeded, so the same seed gives the same history.
import { isPublicHoliday } from '../../../shared/rules/holidays';
import { isoWeekday } from '../../../shared/rules/wall-clock';

export type Rng = () => number;

/**
 * mulberry32: a small, fast, seedable generator (uniform in [0, 1)).
 * @public
 */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
export const chance = (rng: Rng, p: number) => rng() < p;

function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** A Poisson count: exact (Knuth) for small means, the normal approximation for large ones. */
export function poisson(rng: Rng, mean: number): number {
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

export function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = rng() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

const WEEKDAY = [0.95, 0.9, 0.9, 0.95, 1.25, 1.3, 1.1]; // nights of Monday ... Sunday

/**
 * Relative busyness of a night: winter peak in mid-January, weekends, public holidays, +4% a year.
 * @public
 */
export function nightWeight(night: string, yearsIn: number): number {
  const doy = (Date.parse(`${night}T00:00:00Z`) - Date.parse(`${night.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  const season = 1 + 0.35 * Math.cos((2 * Math.PI * (doy - 15)) / 365.25);
  const holiday = isPublicHoliday(night) ? 1.2 : 1;
  return season * WEEKDAY[isoWeekday(night) - 1]! * holiday * (1 + 0.04 * yearsIn);
}

/** Calls per hour of the desk's night (12:00 ... 11:00): quiet by day (the day number), peaks 21-23 h. */
export const CALL_HOURS: readonly (readonly [number, number])[] = [
  [12, 1.5],
  [13, 1.5],
  [14, 1.5],
  [15, 1.5],
  [16, 2],
  [17, 3],
  [18, 4],
  [19, 5],
  [20, 6],
  [21, 7],
  [22, 7.5],
  [23, 7],
  [0, 6],
  [1, 5],
  [2, 4],
  [3, 3],
  [4, 2],
  [5, 1.5],
  [6, 1.5],
  [7, 2],
  [8, 2],
  [9, 1.5],
  [10, 1.5],
  [11, 1.5],
];

export type CallerKind = 'police' | 'hospital' | 'service' | 'unknown';
export const CALLERS: readonly (readonly [CallerKind, number])[] = [
  ['police', 45],
  ['hospital', 25],
  ['service', 10],
  ['unknown', 20],
];

export const REFERRER_OF: Record<
  CallerKind,
  readonly (readonly ['police' | 'hospital' | 'social_service' | 'self' | 'other', number])[]
> = {
  police: [['police', 1]],
  hospital: [['hospital', 1]],
  service: [['social_service', 1]],
  unknown: [
    ['self', 6],
    ['other', 4],
  ],
};

export interface Household {
  type: string;
  adults: number;
  children: number;
}

export function household(rng: Rng): Household {
  const type = weighted(rng, [
    ['alleenstaande_man', 50],
    ['alleenstaande_vrouw', 18],
    ['moeder_met_kinderen', 14],
    ['gezin_met_kinderen', 8],
    ['zwanger_koppel', 6],
    ['vader_met_kinderen', 4],
  ] as const);
  const kids = () =>
    weighted(rng, [
      [1, 45],
      [2, 30],
      [3, 17],
      [4, 8],
    ] as const);
  switch (type) {
    case 'moeder_met_kinderen':
    case 'vader_met_kinderen':
      return { type, adults: 1, children: kids() };
    case 'gezin_met_kinderen':
      return { type, adults: chance(rng, 0.9) ? 2 : 3, children: kids() + (chance(rng, 0.2) ? 1 : 0) };
    case 'zwanger_koppel':
      return { type, adults: 2, children: 0 };
    default:
      return { type, adults: 1, children: 0 };
  }
}

export function ethos(rng: Rng, referrer: string): string {
  if (referrer === 'hospital' && chance(rng, 0.5)) return 'leaving_institution';
  return weighted(rng, [
    ['public_space', 30],
    ['emergency_shelter', 8],
    ['temporary_accommodation', 10],
    ['leaving_institution', 12],
    ['non_conventional', 10],
    ['with_family_friends', 20],
    ['threatened_eviction', 10],
  ] as const);
}

/** Which kind of place a household goes to, before availability decides. */
export function placeTypeWeights(h: Household): readonly (readonly [string, number])[] {
  if (h.children > 0 || h.type === 'zwanger_koppel') {
    return [
      ['ocmw_noodwoning', 35],
      ['caw_noodkamer', 25],
      ['doorgangswoning', 10],
      ['crisisbed', 10],
      ['hotel', 10],
      ['vluchthuis', h.type === 'moeder_met_kinderen' ? 15 : 0],
    ];
  }
  if (h.type === 'alleenstaande_vrouw')
    return [
      ['caw_noodkamer', 30],
      ['hotel', 30],
      ['ocmw_noodwoning', 25],
      ['vluchthuis', 15],
    ];
  return [
    ['caw_noodkamer', 35],
    ['hotel', 35],
    ['ocmw_noodwoning', 25],
    ['doorgangswoning', 5],
  ];
}
