// The key figures API (server/reports): answer shapes, fetchers and the URLs of the CSV exports.
import { api } from '../../api/client';

export interface Filter {
  from: string;
  to: string;
  municipality: string;
}

type Outcomes = { answered: number; missed: number; voicemail: number; ringing: number; total: number };
type Stats<U extends string> = { count: number } & Record<`mean${U}` | `median${U}` | `p90${U}`, number | null>;

export interface Figures {
  period: { from: string; to: string; nights: number; start: string; end: string };
  municipalities: string[] | null;
  notes: Record<'period' | 'calls' | 'rota' | 'municipality' | 'occupancy', string>;
  calls: {
    regionWide: true;
    outcomes: Outcomes;
    byHour: (Outcomes & { hour: number })[];
    byWeekday: (Outcomes & { weekday: number })[];
    byReferrer: (Outcomes & { kind: string })[];
    timeToAnswer: Stats<'Sec'>;
  };
  intakes: {
    total: number;
    adults: number;
    children: number;
    byHousehold: { type: string; intakes: number; adults: number; children: number }[];
    byEthos: { ethos: string; intakes: number }[];
    byReferrer: { kind: string; intakes: number; children: number }[];
    callToPlacement: Stats<'Min'>;
  };
  placements: {
    byType: PlaceTypeRow[];
    total: Omit<PlaceTypeRow, 'type'>;
  };
  referrerLoop: {
    intakes: number;
    held: number;
    confirmed: number;
    confirmedShare: number | null;
    callToConfirmation: Stats<'Min'>;
    callBacks: number;
    casesCalledBack: number;
    callBacksPerCase: number | null;
  };
  handoffs: {
    total: number;
    onTime: number;
    late: number;
    pending: number;
    onTimeShare: number | null;
    graceHours: number;
  };
  rota: {
    regionWide: true;
    outOfHoursHours: number;
    coveredHours: number;
    uncoveredHours: number;
    coverage: number | null;
    gaps: number;
  };
  timeline: {
    bucket: 'night' | 'month';
    rows: { key: string; calls: number; intakes: number; placements: number; nights: number }[];
  };
  byMunicipality: {
    nis: string;
    name: string;
    intakes: number;
    children: number;
    placements: number;
    nights: number;
    costCents: number;
    handoffs: number;
    handoffsOnTime: number;
    handoffsLate: number;
  }[];
}

export interface PlaceTypeRow {
  type: string;
  placements: number;
  nightsUsed: number;
  costCents: number;
  capacity: number;
  capacityNights: number;
  occupancy: number | null;
}

export interface CostStatement {
  month: string;
  from: string;
  to: string;
  ocmws: {
    nis: string;
    name: string;
    guarantees: number;
    nights: number;
    totalCents: number;
    places: {
      placeId: string;
      place: string;
      type: string;
      municipalityNis: string;
      municipality: string;
      guarantees: number;
      nights: number;
      totalCents: number;
    }[];
    lines: {
      guaranteeId: string;
      firstNight: string;
      placeId: string;
      place: string;
      nights: number;
      costPerNightCents: number;
      totalCents: number;
    }[];
  }[];
  total: { guarantees: number; nights: number; totalCents: number };
}

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
};

export const fetchFigures = (f: Filter, signal?: AbortSignal) =>
  api<Figures>(`/api/figures?${query({ from: f.from, to: f.to, municipality: f.municipality })}`, { signal });

export const fetchCosts = (month: string, ocmw: string, signal?: AbortSignal) =>
  api<CostStatement>(`/api/figures/costs?${query({ month, ocmw })}`, { signal });

/** The server names the tables; see server/reports/tables.ts. */
export type TableName =
  | 'calls_outcomes'
  | 'calls_by_hour'
  | 'calls_by_weekday'
  | 'calls_by_referrer'
  | 'time_to_answer'
  | 'households'
  | 'ethos'
  | 'intake_referrers'
  | 'call_to_placement'
  | 'place_types'
  | 'handoffs'
  | 'rota'
  | 'timeline'
  | 'municipalities'
  | 'referrer_loop';

export const csvUrl = (table: TableName, f: Filter, lang: string) =>
  `/api/figures/csv?${query({ table, from: f.from, to: f.to, municipality: f.municipality, lang: lang === 'en' ? 'en' : undefined })}`;

export const costsCsvUrl = (month: string, ocmw: string, table: 'places' | 'lines', lang: string) =>
  `/api/figures/costs/csv?${query({ month, ocmw, table, lang: lang === 'en' ? 'en' : undefined })}`;
