// The transparent allocation: when a transit home comes free, the waiting households are ranked by a
// published rule set, criterion after criterion (the first that differs decides), and every candidate
// carries the reasons for its place. The order is configuration per region (region.json `housing`) and
// is shown to everyone involved; the allocator may depart from the ranking only with a written reason.
import { z } from 'zod';
import { localDate } from '../wall-clock';
import {
  BEDROOMS,
  bedroomsNeeded,
  hasChildren,
  HOME_SUITS,
  persons,
  suitsTag,
  URGENCIES,
  type HomeKind,
  type HomeSuits,
  type Household,
  type Urgency,
} from './housing';

/** @public */
export const CRITERIA = ['children', 'urgency', 'waiting', 'fit'] as const;
/** @public */
export type Criterion = (typeof CRITERIA)[number];

/** @public */
export const allocationRulesSchema = z.strictObject({
  /** The criteria in order of precedence; each appears once. */
  order: z
    .array(z.enum(CRITERIA))
    .min(1)
    .refine((o) => new Set(o).size === o.length, 'each criterion once'),
  /** Most persons each kind of home takes. */
  maxPersons: z.strictObject({
    kamerwoning: z.number().int().min(1),
    '1_bedroom': z.number().int().min(1),
    '2_bedrooms': z.number().int().min(1),
    '3_bedrooms': z.number().int().min(1),
  }),
  /** Transit homes and the accelerated-allocation contingent per municipality: 1 per this many inhabitants. */
  perInhabitants: z.number().int().min(1000),
});
/** @public */
export type AllocationRules = z.infer<typeof allocationRulesSchema>;

/**
 * The Kempen's rules (also the default of a region without a `housing` section).
 * @public
 */
export const KEMPEN_ALLOCATION: AllocationRules = {
  order: ['children', 'urgency', 'waiting', 'fit'],
  maxPersons: { kamerwoning: 2, '1_bedroom': 3, '2_bedrooms': 5, '3_bedrooms': 7 },
  perInhabitants: 10000,
};

/** @public */
export interface Home {
  kind: HomeKind;
  suits: readonly HomeSuits[];
}
/** @public */
export interface Candidate {
  id: string;
  household: Household;
  urgency: Urgency;
  registeredAt: Date | string;
}
/** @public */
export interface Reason {
  criterion: Criterion | 'fits';
  nl: string;
  en: string;
}
/** @public */
export interface Ranked {
  id: string;
  rank: number;
  reasons: Reason[];
  decidedBy: Criterion | 'registered_first' | null;
  daysWaiting: number;
}
/** @public */
export interface Excluded {
  id: string;
  reasons: Reason[];
}
/** @public */
export interface Ranking {
  order: Criterion[];
  ranked: Ranked[];
  excluded: Excluded[];
}

const KIND_NL: Record<HomeKind, string> = {
  kamerwoning: 'kamerwoning',
  '1_bedroom': '1 slaapkamer',
  '2_bedrooms': '2 slaapkamers',
  '3_bedrooms': '3 slaapkamers',
};
const SUITS_NL: Record<HomeSuits, string> = {
  men: 'alleenstaande mannen',
  women: 'alleenstaande vrouwen',
  families: 'koppels en gezinnen',
};
const URGENCY_NL: Record<Urgency, string> = { normal: 'gewoon', high: 'hoog', acute: 'acuut' };

/**
 * Why a home does not suit a household (empty when it does).
 * @public
 */
export function misfit(rules: AllocationRules, home: Home, h: Household): Reason[] {
  const out: Reason[] = [];
  const tag = suitsTag(h);
  if (!home.suits.includes(tag))
    out.push({ criterion: 'fits', nl: `deze woning is niet voor ${SUITS_NL[tag]}`, en: `this home is not for ${tag}` });
  const max = rules.maxPersons[home.kind];
  if (persons(h) > max)
    out.push({
      criterion: 'fits',
      nl: `${persons(h)} personen, een ${KIND_NL[home.kind]} neemt er hoogstens ${max}`,
      en: `${persons(h)} persons, a ${home.kind} takes at most ${max}`,
    });
  const need = bedroomsNeeded(h);
  if (need > BEDROOMS[home.kind])
    out.push({
      criterion: 'fits',
      nl: `nodig: ${need} slaapkamer(s), deze woning heeft er ${BEDROOMS[home.kind]}`,
      en: `needs ${need} bedroom(s), this home has ${BEDROOMS[home.kind]}`,
    });
  return out;
}

/**
 * Whole calendar days (Brussels) from registration to now.
 * @public
 */
export function daysWaiting(registeredAt: Date | string, now: Date): number {
  const a = Date.parse(`${localDate(new Date(registeredAt))}T00:00:00Z`);
  const b = Date.parse(`${localDate(now)}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / 86400000));
}

interface Keyed {
  c: Candidate;
  days: number;
  spare: number;
}

/** Per criterion: a number where higher ranks first. */
const KEY: Record<Criterion, (k: Keyed) => number> = {
  children: (k) => (hasChildren(k.c.household) ? 1 : 0),
  urgency: (k) => URGENCIES.indexOf(k.c.urgency),
  waiting: (k) => k.days,
  fit: (k) => -k.spare,
};

function reasonFor(criterion: Criterion, k: Keyed): Reason {
  switch (criterion) {
    case 'children':
      return hasChildren(k.c.household)
        ? {
            criterion,
            nl:
              k.c.household.children > 0
                ? `gezin met ${k.c.household.children} kind(eren): kinderen eerst`
                : 'zwanger: telt als gezin met kinderen',
            en:
              k.c.household.children > 0
                ? `household with ${k.c.household.children} child(ren): children first`
                : 'pregnant: counts as a household with children',
          }
        : { criterion, nl: 'geen kinderen', en: 'no children' };
    case 'urgency':
      return { criterion, nl: `urgentie ${URGENCY_NL[k.c.urgency]}`, en: `urgency ${k.c.urgency}` };
    case 'waiting':
      return { criterion, nl: `wacht ${k.days} dag(en)`, en: `waiting ${k.days} day(s)` };
    case 'fit':
      return k.spare === 0
        ? { criterion, nl: 'de woning past precies', en: 'the home fits exactly' }
        : { criterion, nl: `${k.spare} slaapkamer(s) meer dan nodig`, en: `${k.spare} bedroom(s) more than needed` };
  }
}

/**
 * Ranks the waiting candidates for one home. Ties on every criterion go to whoever registered first.
 * @public
 */
export function rankCandidates(
  rules: AllocationRules,
  home: Home,
  candidates: readonly Candidate[],
  now: Date,
): Ranking {
  const excluded: Excluded[] = [];
  const keyed: Keyed[] = [];
  for (const c of candidates) {
    const bad = misfit(rules, home, c.household);
    if (bad.length) excluded.push({ id: c.id, reasons: bad });
    else
      keyed.push({
        c,
        days: daysWaiting(c.registeredAt, now),
        spare: BEDROOMS[home.kind] - bedroomsNeeded(c.household),
      });
  }
  const firstDifference = (a: Keyed, b: Keyed): Criterion | null =>
    rules.order.find((cr) => KEY[cr](a) !== KEY[cr](b)) ?? null;
  const at = (k: Keyed) => new Date(k.c.registeredAt).getTime();
  keyed.sort((a, b) => {
    const cr = firstDifference(a, b);
    if (cr) return KEY[cr](b) - KEY[cr](a);
    return at(a) - at(b) || a.c.id.localeCompare(b.c.id);
  });
  const ranked = keyed.map((k, i): Ranked => {
    const next = keyed[i + 1];
    const decidedBy = next ? (firstDifference(k, next) ?? 'registered_first') : null;
    return {
      id: k.c.id,
      rank: i + 1,
      daysWaiting: k.days,
      decidedBy,
      reasons: rules.order.map((cr) => reasonFor(cr, k)),
    };
  });
  return { order: [...rules.order], ranked, excluded };
}

/**
 * The rule set in words, for everyone involved (the console shows it beside every proposal).
 * @public
 */
export function describeRules(rules: AllocationRules): { nl: string; en: string }[] {
  const words: Record<Criterion, { nl: string; en: string }> = {
    children: {
      nl: 'Huishoudens met kinderen (of zwanger) eerst.',
      en: 'Households with children (or expecting) first.',
    },
    urgency: { nl: 'Dan de urgentie: acuut, hoog, gewoon.', en: 'Then urgency: acute, high, normal.' },
    waiting: {
      nl: 'Dan de wachttijd: wie langer wacht, eerst (in dagen).',
      en: 'Then time waiting: longest first (in days).',
    },
    fit: {
      nl: 'Dan de pasvorm: een woning die precies past, voor een te grote.',
      en: 'Then fit: a home that fits exactly before one too large.',
    },
  };
  return [
    {
      nl: 'Alleen huishoudens waarvoor de woning geschikt is (doelgroep, aantal personen, slaapkamers) komen in aanmerking.',
      en: 'Only households the home suits (who it is for, persons, bedrooms) are candidates.',
    },
    ...rules.order.map((c) => words[c]),
    {
      nl: 'Bij gelijke stand: wie zich eerst aanmeldde. Wie afwijkt van de rangorde, schrijft waarom.',
      en: 'On a tie: who registered first. Departing from the ranking needs a written reason.',
    },
  ];
}
/** @public */
export { HOME_SUITS };
