// Key figures (kerncijfers) and the cost statement: the filters, the dashboard and the statement.
// The CSV downloads are files (text/csv); their tables are named here so the filter can refuse others.
import { z } from 'zod';
import { nisCode } from '../rules/nis';
import { say } from '../rules/say';
import { isIsoDate } from '../rules/wall-clock';

/**
 * Longest period one request may ask: eleven years (ten years of history and some).
 * @public
 */
export const MAX_PERIOD_NIGHTS = 4018;
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
/** @public */
export const nightsBetween = (from: string, to: string) => dayNo(to) - dayNo(from) + 1;

const date = (field: string) => z.string().refine(isIsoDate, `${field} must be a date YYYY-MM-DD`);
/** @public */
export const nisSchema = nisCode;
/** @public */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, say('een maand is JJJJ-MM', 'month must be YYYY-MM'));
/** @public */
export const langSchema = z.enum(['nl', 'en'], { error: say('lang is nl of en', 'lang must be nl or en') });

/**
 * from/to (both or neither) and an optional municipality: the dashboard's filter.
 * @public
 */
export const filterShape = {
  from: date('from').optional(),
  to: date('to').optional(),
  municipality: nisSchema.optional(),
};

type FilterInput = { from?: string | undefined; to?: string | undefined };
/** @public */
export const checkFilter = (q: FilterInput, ctx: z.RefinementCtx) => {
  if ((q.from === undefined) !== (q.to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [q.from === undefined ? 'from' : 'to'],
      message: say(
        'geef zowel van als tot, of geen van beide (de lopende maand)',
        'give both from and to, or neither (the current month)',
      ),
    });
  } else if (q.from && q.to && isIsoDate(q.from) && isIsoDate(q.to)) {
    if (q.to < q.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: say('"tot" valt op of na "van"', 'to must be on or after from'),
      });
    else if (nightsBetween(q.from, q.to) > MAX_PERIOD_NIGHTS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: say(
          `een periode telt hoogstens ${MAX_PERIOD_NIGHTS} nachten`,
          `a period is at most ${MAX_PERIOD_NIGHTS} nights`,
        ),
      });
  }
};

/**
 * The tables of the dashboard one CSV download can hold (server/reports/tables.ts builds each).
 * @public
 */
export const FIGURE_TABLES = [
  'calls_outcomes',
  'calls_by_hour',
  'calls_by_weekday',
  'calls_by_referrer',
  'time_to_answer',
  'households',
  'ethos',
  'intake_referrers',
  'call_to_placement',
  'place_types',
  'handoffs',
  'rota',
  'timeline',
  'referrer_loop',
  'municipalities',
] as const;
/** @public */
export type FigureTableName = (typeof FIGURE_TABLES)[number];

/** @public */
export const figuresQuery = z.strictObject(filterShape).superRefine(checkFilter);
/** @public */
export const figuresCsvQuery = z
  .strictObject({
    ...filterShape,
    table: z.enum(FIGURE_TABLES, {
      error: say(`table is een van ${FIGURE_TABLES.join(', ')}`, `table must be one of ${FIGURE_TABLES.join(', ')}`),
    }),
    lang: langSchema.optional(),
  })
  .superRefine(checkFilter);
const costsShape = { month: monthSchema.optional(), ocmw: nisSchema.optional() };
/** @public */
export const costsQuery = z.strictObject(costsShape);
/** @public */
export const costsCsvQuery = z.strictObject({
  ...costsShape,
  table: z
    .enum(['places', 'lines'], { error: say('table is places of lines', 'table must be places or lines') })
    .optional(),
  lang: langSchema.optional(),
});

const n = z.number();
const maybe = z.number().nullable();
const outcomes = { answered: n, missed: n, voicemail: n, ringing: n, total: n };
const spreadMin = z.object({ count: n, meanMin: maybe, medianMin: maybe, p90Min: maybe });
const placementCounts = {
  placements: n,
  nightsUsed: n,
  costCents: n,
  capacity: n,
  capacityNights: n,
  occupancy: maybe,
};

/** @public */
export const figuresAnswer = z.object({
  period: z.object({ from: z.string(), to: z.string(), nights: n, start: z.string(), end: z.string() }),
  /** The municipalities the figures are limited to; null: the whole region. */
  municipalities: z.array(z.string()).nullable(),
  notes: z.object({
    period: z.string(),
    calls: z.string(),
    rota: z.string(),
    municipality: z.string(),
    occupancy: z.string(),
  }),
  calls: z.object({
    regionWide: z.boolean(),
    outcomes: z.object(outcomes),
    byHour: z.array(z.object({ hour: n, ...outcomes })),
    byWeekday: z.array(z.object({ weekday: n, ...outcomes })),
    byReferrer: z.array(z.object({ kind: z.string(), ...outcomes })),
    timeToAnswer: z.object({ count: n, meanSec: maybe, medianSec: maybe, p90Sec: maybe }),
  }),
  intakes: z.object({
    total: n,
    adults: n,
    children: n,
    byHousehold: z.array(z.object({ type: z.string(), intakes: n, adults: n, children: n })),
    byEthos: z.array(z.object({ ethos: z.string(), intakes: n })),
    byReferrer: z.array(z.object({ kind: z.string(), intakes: n, children: n })),
    callToPlacement: spreadMin,
  }),
  placements: z.object({
    byType: z.array(z.object({ type: z.string(), ...placementCounts })),
    total: z.object(placementCounts),
  }),
  handoffs: z.object({ total: n, onTime: n, late: n, pending: n, onTimeShare: maybe, graceHours: n }),
  rota: z.object({
    regionWide: z.boolean(),
    outOfHoursHours: n,
    coveredHours: n,
    uncoveredHours: n,
    coverage: maybe,
    gaps: n,
  }),
  timeline: z.object({
    bucket: z.enum(['night', 'month']),
    rows: z.array(z.object({ key: z.string(), calls: n, intakes: n, placements: n, nights: n })),
  }),
  byMunicipality: z.array(
    z.object({
      nis: z.string(),
      name: z.string(),
      intakes: n,
      children: n,
      placements: n,
      nights: n,
      costCents: n,
      handoffs: n,
      handoffsOnTime: n,
      handoffsLate: n,
    }),
  ),
  referrerLoop: z.object({
    intakes: n,
    held: n,
    confirmed: n,
    confirmedShare: maybe,
    callToConfirmation: spreadMin,
    callBacks: n,
    casesCalledBack: n,
    callBacksPerCase: maybe,
  }),
});
/** @public */
export type Figures = z.output<typeof figuresAnswer>;

const costTotals = { guarantees: n, nights: n, totalCents: n };
/** @public */
export const costStatementAnswer = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  ocmws: z.array(
    z.object({
      nis: z.string(),
      name: z.string(),
      ...costTotals,
      places: z.array(
        z.object({
          placeId: z.string(),
          place: z.string(),
          type: z.string(),
          municipalityNis: z.string(),
          municipality: z.string(),
          ...costTotals,
        }),
      ),
      lines: z.array(
        z.object({
          guaranteeId: z.string(),
          firstNight: z.string(),
          placeId: z.string(),
          place: z.string(),
          nights: n,
          costPerNightCents: n,
          totalCents: n,
        }),
      ),
    }),
  ),
  total: z.object(costTotals),
});
/** @public */
export type CostStatement = z.output<typeof costStatementAnswer>;
