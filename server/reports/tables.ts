// Every dashboard table as rows for CSV: column headers and category values (household type, place
// type, ...) in Dutch (default) or English, as the console says them; amounts in euro, shares as
// fractions. Only aggregates go in.
// Each table names the one figure query it is made from, so a CSV runs that query only.
import type { CsvCell } from '../../shared/rules/csv';
import { FIGURE_TABLES, type FigureTableName } from '../../shared/api/figures';
import { categoryLabel, type Lang } from '../../shared/rules/categories';
import { FIGURE_QUERIES, type FigureQueryName } from './figures';
import { handoffSummary } from './queries/handoffs';
import type { Db, FigureScope } from './scope';

export type { Lang };
type Col = readonly [nl: string, en: string];
type Result<Q extends FigureQueryName> = Awaited<ReturnType<(typeof FIGURE_QUERIES)[Q]>>;
interface Table<Q extends FigureQueryName = FigureQueryName> {
  source: Q;
  columns: readonly Col[];
  rows: (r: Result<Q>, lang: Lang) => CsvCell[][];
}
const table = <Q extends FigureQueryName>(
  source: Q,
  columns: readonly Col[],
  rows: (r: Result<Q>, lang: Lang) => CsvCell[][],
): Table<Q> => ({ source, columns, rows });

/** Cents as euro, for spreadsheets (a number, not text). */
export const euro = (cents: number) => Math.round(cents) / 100;
const outcomeCols = [
  ['beantwoord', 'answered'],
  ['gemist', 'missed'],
  ['voicemail', 'voicemail'],
  ['lopend', 'ringing'],
  ['totaal', 'total'],
] as const;
const outcomes = (c: { answered: number; missed: number; voicemail: number; ringing: number; total: number }) => [
  c.answered,
  c.missed,
  c.voicemail,
  c.ringing,
  c.total,
];
const stats = (unit: Col) =>
  [
    ['aantal', 'count'],
    [`gemiddelde (${unit[0]})`, `mean (${unit[1]})`],
    [`mediaan (${unit[0]})`, `median (${unit[1]})`],
    [`p90 (${unit[0]})`, `p90 (${unit[1]})`],
  ] as const;

export const TABLES = {
  calls_outcomes: table(
    'calls',
    [
      ['uitkomst', 'outcome'],
      ['oproepen', 'calls'],
    ],
    (c, lang) => outcomeCols.map(([, key]) => [categoryLabel('outcome', key, lang), c.outcomes[key]]),
  ),
  calls_by_hour: table('calls', [['uur', 'hour'], ...outcomeCols], (c) =>
    c.byHour.map((r) => [r.hour, ...outcomes(r)]),
  ),
  calls_by_weekday: table(
    'calls',
    [['weekdag van de nacht (1 = maandag)', 'weekday of the night (1 = Monday)'], ...outcomeCols],
    (c) => c.byWeekday.map((r) => [r.weekday, ...outcomes(r)]),
  ),
  calls_by_referrer: table('calls', [['soort beller', 'caller kind'], ...outcomeCols], (c, lang) =>
    c.byReferrer.map((r) => [categoryLabel('caller', r.kind, lang), ...outcomes(r)]),
  ),
  time_to_answer: table('calls', stats(['s', 's']), ({ timeToAnswer: t }) => [
    [t.count, t.meanSec, t.medianSec, t.p90Sec],
  ]),
  households: table(
    'intake_mix',
    [
      ['gezinstype', 'household type'],
      ['aanmeldingen', 'intakes'],
      ['volwassenen', 'adults'],
      ['kinderen', 'children'],
    ],
    (m, lang) => m.byHousehold.map((r) => [categoryLabel('household', r.type, lang), r.intakes, r.adults, r.children]),
  ),
  ethos: table(
    'intake_mix',
    [
      ['ETHOS-situatie', 'ETHOS situation'],
      ['aanmeldingen', 'intakes'],
    ],
    (m, lang) => m.byEthos.map((r) => [categoryLabel('ethos', r.ethos, lang), r.intakes]),
  ),
  intake_referrers: table(
    'intake_mix',
    [
      ['doorverwijzer', 'referrer'],
      ['aanmeldingen', 'intakes'],
      ['kinderen', 'children'],
    ],
    (m, lang) => m.byReferrer.map((r) => [categoryLabel('referrer', r.kind, lang), r.intakes, r.children]),
  ),
  call_to_placement: table('call_to_placement', stats(['min', 'min']), (s) => [
    [s.count, s.meanMin, s.medianMin, s.p90Min],
  ]),
  place_types: table(
    'place_types',
    [
      ['soort plaats', 'place type'],
      ['plaatsingen', 'placements'],
      ['nachten', 'nights used'],
      ['kost (EUR)', 'cost (EUR)'],
      ['capaciteit', 'capacity'],
      ['capaciteit x nachten', 'capacity x nights'],
      ['bezetting', 'occupancy'],
    ],
    (p, lang) =>
      p.byType.map((r) => [
        categoryLabel('placeType', r.type, lang),
        r.placements,
        r.nightsUsed,
        euro(r.costCents),
        r.capacity,
        r.capacityNights,
        r.occupancy,
      ]),
  ),
  handoffs: table(
    'handoffs',
    [
      ['overdrachten', 'handoffs'],
      ['op tijd', 'on time'],
      ['te laat', 'late'],
      ['nog open', 'pending'],
      ['aandeel op tijd', 'on-time share'],
      ['marge (uur)', 'grace (hours)'],
    ],
    (rows) => {
      const h = handoffSummary(rows);
      return [[h.total, h.onTime, h.late, h.pending, h.onTimeShare, h.graceHours]];
    },
  ),
  rota: table(
    'rota_coverage',
    [
      ['buiten kantooruren (uur)', 'out of hours (hours)'],
      ['gedekt (uur)', 'covered (hours)'],
      ['niet gedekt (uur)', 'uncovered (hours)'],
      ['dekking', 'coverage'],
      ['gaten', 'gaps'],
    ],
    (r) => [[r.outOfHoursHours, r.coveredHours, r.uncoveredHours, r.coverage, r.gaps]],
  ),
  timeline: table(
    'timeline',
    [
      ['nacht of maand', 'night or month'],
      ['oproepen', 'calls'],
      ['aanmeldingen', 'intakes'],
      ['plaatsingen', 'placements'],
      ['nachten', 'nights'],
    ],
    (t) => t.rows.map((r) => [r.key, r.calls, r.intakes, r.placements, r.nights]),
  ),
  referrer_loop: table(
    'referrer_loop',
    [
      ['aanmeldingen', 'intakes'],
      ['plaats vastgehouden', 'place held'],
      ['doorverwijzer kreeg sms', 'referrer got a text'],
      ['aandeel', 'share'],
      ['oproep tot sms, mediaan (min)', 'call to text, median (min)'],
      ['oproep tot sms, p90 (min)', 'call to text, p90 (min)'],
      ['terugbellingen', 'call-backs'],
      ['aanmeldingen teruggebeld', 'intakes called back'],
      ['terugbellingen per aanmelding', 'call-backs per intake'],
    ],
    (r) => [
      [
        r.intakes,
        r.held,
        r.confirmed,
        r.confirmedShare,
        r.callToConfirmation.medianMin,
        r.callToConfirmation.p90Min,
        r.callBacks,
        r.casesCalledBack,
        r.callBacksPerCase,
      ],
    ],
  ),
  municipalities: table(
    'by_municipality',
    [
      ['NIS', 'NIS'],
      ['gemeente', 'municipality'],
      ['aanmeldingen', 'intakes'],
      ['kinderen', 'children'],
      ['plaatsingen', 'placements'],
      ['nachten', 'nights'],
      ['kost (EUR)', 'cost (EUR)'],
      ['overdrachten', 'handoffs'],
      ['op tijd', 'on time'],
      ['te laat', 'late'],
    ],
    (rows) =>
      rows.map((m) => [
        m.nis,
        m.name,
        m.intakes,
        m.children,
        m.placements,
        m.nights,
        euro(m.costCents),
        m.handoffs,
        m.handoffsOnTime,
        m.handoffsLate,
      ]),
  ),
};

export type TableName = keyof typeof TABLES;
// The contract names the tables (shared/api/figures.ts); both lists must agree, in both directions.
export const TABLE_NAMES = FIGURE_TABLES;
const _sameTables: [TableName, FigureTableName] extends [FigureTableName, TableName] ? true : never = true;
void _sameTables;

/** One table's header and rows, from the one query it needs. */
export async function tableCsvInput(
  name: TableName,
  db: Db,
  scope: FigureScope,
  lang: Lang,
): Promise<{ header: string[]; rows: CsvCell[][] }> {
  const t = TABLES[name] as Table<FigureQueryName>;
  const result = await FIGURE_QUERIES[t.source](db, scope);
  return {
    header: t.columns.map((c) => c[lang === 'nl' ? 0 : 1]),
    rows: (t.rows as (r: unknown, lang: Lang) => CsvCell[][])(result, lang),
  };
}
