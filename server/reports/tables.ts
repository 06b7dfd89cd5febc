// Every dashboard table as rows for CSV: column headers in Dutch (default) or English, values as
// codes (stable for spreadsheets), amounts in euro, shares as fractions. Only aggregates go in.
import type { CsvCell } from '../../shared/rules/csv';
import type { Figures } from './figures';

export type Lang = 'nl' | 'en';
type Col = readonly [nl: string, en: string];
export interface Table { columns: readonly Col[]; rows: (f: Figures) => CsvCell[][] }

/** Cents as euro, for spreadsheets (a number, not text). */
export const euro = (cents: number) => Math.round(cents) / 100;
const outcomeCols = [['beantwoord', 'answered'], ['gemist', 'missed'], ['voicemail', 'voicemail'], ['lopend', 'ringing'], ['totaal', 'total']] as const;
const outcomes = (c: { answered: number; missed: number; voicemail: number; ringing: number; total: number }) =>
  [c.answered, c.missed, c.voicemail, c.ringing, c.total];
const stats = (unit: Col) => [['aantal', 'count'], [`gemiddelde (${unit[0]})`, `mean (${unit[1]})`],
  [`mediaan (${unit[0]})`, `median (${unit[1]})`], [`p90 (${unit[0]})`, `p90 (${unit[1]})`]] as const;

export const TABLES = {
  calls_outcomes: { columns: [['uitkomst', 'outcome'], ['oproepen', 'calls']],
    rows: (f) => outcomeCols.map(([, key]) => [key, f.calls.outcomes[key]]) },
  calls_by_hour: { columns: [['uur', 'hour'], ...outcomeCols],
    rows: (f) => f.calls.byHour.map((r) => [r.hour, ...outcomes(r)]) },
  calls_by_weekday: { columns: [['weekdag van de nacht (1 = maandag)', 'weekday of the night (1 = Monday)'], ...outcomeCols],
    rows: (f) => f.calls.byWeekday.map((r) => [r.weekday, ...outcomes(r)]) },
  calls_by_referrer: { columns: [['soort beller', 'caller kind'], ...outcomeCols],
    rows: (f) => f.calls.byReferrer.map((r) => [r.kind, ...outcomes(r)]) },
  time_to_answer: { columns: stats(['s', 's']),
    rows: (f) => [[f.calls.timeToAnswer.count, f.calls.timeToAnswer.meanSec, f.calls.timeToAnswer.medianSec, f.calls.timeToAnswer.p90Sec]] },
  households: { columns: [['gezinstype', 'household type'], ['aanmeldingen', 'intakes'], ['volwassenen', 'adults'], ['kinderen', 'children']],
    rows: (f) => f.intakes.byHousehold.map((r) => [r.type, r.intakes, r.adults, r.children]) },
  ethos: { columns: [['ETHOS-situatie', 'ETHOS situation'], ['aanmeldingen', 'intakes']],
    rows: (f) => f.intakes.byEthos.map((r) => [r.ethos, r.intakes]) },
  intake_referrers: { columns: [['doorverwijzer', 'referrer'], ['aanmeldingen', 'intakes'], ['kinderen', 'children']],
    rows: (f) => f.intakes.byReferrer.map((r) => [r.kind, r.intakes, r.children]) },
  call_to_placement: { columns: stats(['min', 'min']),
    rows: (f) => { const s = f.intakes.callToPlacement; return [[s.count, s.meanMin, s.medianMin, s.p90Min]]; } },
  place_types: {
    columns: [['soort plaats', 'place type'], ['plaatsingen', 'placements'], ['nachten', 'nights used'], ['kost (EUR)', 'cost (EUR)'],
      ['capaciteit', 'capacity'], ['capaciteit x nachten', 'capacity x nights'], ['bezetting', 'occupancy']],
    rows: (f) => f.placements.byType.map((r) => [r.type, r.placements, r.nightsUsed, euro(r.costCents), r.capacity, r.capacityNights, r.occupancy]),
  },
  handoffs: {
    columns: [['overdrachten', 'handoffs'], ['op tijd', 'on time'], ['te laat', 'late'], ['nog open', 'pending'], ['aandeel op tijd', 'on-time share'], ['marge (uur)', 'grace (hours)']],
    rows: (f) => { const h = f.handoffs; return [[h.total, h.onTime, h.late, h.pending, h.onTimeShare, h.graceHours]]; },
  },
  rota: {
    columns: [['buiten kantooruren (uur)', 'out of hours (hours)'], ['gedekt (uur)', 'covered (hours)'], ['niet gedekt (uur)', 'uncovered (hours)'],
      ['dekking', 'coverage'], ['gaten', 'gaps']],
    rows: (f) => { const r = f.rota; return [[r.outOfHoursHours, r.coveredHours, r.uncoveredHours, r.coverage, r.gaps]]; },
  },
  timeline: { columns: [['nacht of maand', 'night or month'], ['oproepen', 'calls'], ['aanmeldingen', 'intakes'], ['plaatsingen', 'placements'], ['nachten', 'nights']],
    rows: (f) => f.timeline.rows.map((r) => [r.key, r.calls, r.intakes, r.placements, r.nights]) },
  municipalities: {
    columns: [['NIS', 'NIS'], ['gemeente', 'municipality'], ['aanmeldingen', 'intakes'], ['kinderen', 'children'], ['plaatsingen', 'placements'],
      ['nachten', 'nights'], ['kost (EUR)', 'cost (EUR)'], ['overdrachten', 'handoffs'], ['op tijd', 'on time'], ['te laat', 'late']],
    rows: (f) => f.byMunicipality.map((m) => [m.nis, m.name, m.intakes, m.children, m.placements, m.nights, euro(m.costCents), m.handoffs, m.handoffsOnTime, m.handoffsLate]),
  },
} as const satisfies Record<string, Table>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as [TableName, ...TableName[]];

export function tableCsvInput(name: TableName, f: Figures, lang: Lang): { header: string[]; rows: CsvCell[][] } {
  const t: Table = TABLES[name];
  return { header: t.columns.map((c) => c[lang === 'nl' ? 0 : 1]), rows: t.rows(f) };
}

