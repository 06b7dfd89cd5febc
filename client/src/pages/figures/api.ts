// The key figures API (server/reports): answer shapes, fetchers and the URLs of the CSV exports.
import type { CostStatement, Figures, FigureTableName } from '../../../../shared/api/figures';
import { api } from '../../api/client';

export interface Filter {
  from: string;
  to: string;
  municipality: string;
}

export type { CostStatement, Figures } from '../../../../shared/api/figures';
export type PlaceTypeRow = Figures['placements']['byType'][number];

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
};

export const fetchFigures = (f: Filter, signal?: AbortSignal) =>
  api<Figures>(`/api/figures?${query({ from: f.from, to: f.to, municipality: f.municipality })}`, { signal });

export const fetchCosts = (month: string, ocmw: string, signal?: AbortSignal) =>
  api<CostStatement>(`/api/figures/costs?${query({ month, ocmw })}`, { signal });

/** The server names the tables (shared/api/figures.ts). */
export type TableName = FigureTableName;

export const csvUrl = (table: TableName, f: Filter, lang: string) =>
  `/api/figures/csv?${query({ table, from: f.from, to: f.to, municipality: f.municipality, lang: lang === 'en' ? 'en' : undefined })}`;

export const costsCsvUrl = (month: string, ocmw: string, table: 'places' | 'lines', lang: string) =>
  `/api/figures/costs/csv?${query({ month, ocmw, table, lang: lang === 'en' ? 'en' : undefined })}`;
