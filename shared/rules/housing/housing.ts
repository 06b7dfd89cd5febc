// The wooncel's vocabulary: transit homes, registrations on the waiting list, trajectories and the
// accelerated-allocation contingent (Kempen, Welzijnszorg Kempen 2019). Codes are English; the console
// shows them in Dutch.
import { DateTime } from 'luxon';
import { HOUSEHOLD_SHAPE, type HouseholdType } from '../intake/intake-schema';

/** @public */
export const HOME_KINDS = ['kamerwoning', '1_bedroom', '2_bedrooms', '3_bedrooms'] as const;
/** @public */
export type HomeKind = (typeof HOME_KINDS)[number];
/** @public */
export const BEDROOMS: Record<HomeKind, number> = { kamerwoning: 0, '1_bedroom': 1, '2_bedrooms': 2, '3_bedrooms': 3 };

/**
 * Who a home is meant for, as on the board: single men, single women, couples and families.
 * @public
 */
export const HOME_SUITS = ['men', 'women', 'families'] as const;
/** @public */
export type HomeSuits = (typeof HOME_SUITS)[number];

/** @public */
export const URGENCIES = ['normal', 'high', 'acute'] as const;
/** @public */
export type Urgency = (typeof URGENCIES)[number];

/** @public */
export const SUPPORT_NEEDS = ['caw_guidance', 'wooncoach', 'psychiatric', 'addiction'] as const;

/**
 * Where the household stayed before the wooncel, grouped as in the Kempen figures.
 * @public
 */
export const ORIGINS = {
  hotel: 'homeless',
  crisis_centre: 'homeless',
  womens_shelter: 'homeless',
  left_loi: 'homeless',
  ocmw_emergency_home: 'homeless',
  left_home_conflict: 'unstable',
  with_network: 'unstable',
  inadequate_housing: 'inadequate',
} as const;
/** @public */
export type Origin = keyof typeof ORIGINS;
/** @public */
export const ORIGIN_CODES = Object.keys(ORIGINS) as Origin[];
/** @public */
export const ORIGIN_GROUPS = ['homeless', 'unstable', 'inadequate'] as const;

/** @public */
export const END_KINDS = ['private_rental', 'shm', 'svk', 'family', 'institution', 'broken_off', 'unknown'] as const;
/** @public */
export type EndKind = (typeof END_KINDS)[number];
/** @public */
export const GUIDANCE_BY = ['caw', 'ocmw', 'wooncoach', 'other'] as const;
/** @public */
export const GUIDANCE_FREQUENCY = ['weekly', 'fortnightly', 'monthly', 'as_needed'] as const;
/** @public */
export const REFERRERS = ['ocmw', 'caw', 'youth_care', 'mental_health', 'shm'] as const;
/** @public */
export const CONTINGENT_STATUSES = ['requested', 'granted', 'refused', 'withdrawn'] as const;

/** @public */
export interface Household {
  type: HouseholdType;
  adults: number;
  children: number;
}

/**
 * A pregnant couple is expecting a child: for "children first" it counts as a household with children.
 * @public
 */
export function hasChildren(h: Household): boolean {
  return h.children > 0 || h.type === 'zwanger_koppel';
}

/**
 * The tag a home must carry to suit this household.
 * @public
 */
export function suitsTag(h: Household): HomeSuits {
  if (h.type === 'alleenstaande_man') return 'men';
  if (h.type === 'alleenstaande_vrouw') return 'women';
  return 'families';
}

/** Bedrooms the household needs: a single adult does with a kamerwoning, a couple one bedroom,
 * children one bedroom per two children beside the parents' (at most 3, the largest home).
 * @public
 */
export function bedroomsNeeded(h: Household): number {
  if (h.children === 0) return h.adults === 1 ? 0 : 1;
  return Math.min(3, 1 + Math.ceil(h.children / 2));
}

/** @public */
export function persons(h: Household): number {
  return h.adults + h.children;
}

/** @public */
export function isHouseholdShape(h: Household): boolean {
  const s = HOUSEHOLD_SHAPE[h.type];
  return h.adults >= s.adults[0] && h.adults <= s.adults[1] && (s.children ? h.children > 0 : h.children === 0);
}

/**
 * The solidarity rule: 1 per `perInhabitants` inhabitants, and at least one (small municipalities carry their share).
 * @public
 */
export function perInhabitantsTarget(population: number, perInhabitants = 10000): number {
  return Math.max(1, Math.round(population / perInhabitants));
}

/**
 * Length of a stay in months (calendar months plus the fraction of the month after), one decimal.
 * @public
 */
export function stayMonths(moveIn: string, end: string): number {
  const months = DateTime.fromISO(end, { zone: 'utc' }).diff(
    DateTime.fromISO(moveIn, { zone: 'utc' }),
    'months',
  ).months;
  return Math.round(months * 10) / 10;
}
