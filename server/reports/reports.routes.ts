// Key figures (kerncijfers) and the cost statement: JSON for the console, CSV for spreadsheets.
// Coordinators and admins see the region; OCMW staff only their own municipalities.
import type { Response } from 'express';
import { nightOf } from '../../shared/rules/night';
import { toCsv, type CsvCell } from '../../shared/rules/csv';
import { defineRoute, file } from '../http/route';
import {
  costsCsvQuery,
  costsQuery,
  costStatementAnswer,
  figuresAnswer,
  figuresCsvQuery,
  figuresQuery,
} from '../../shared/api/figures';
import { costCsvInput, costStatement } from './costs';
import { readFigures } from './figures';
import { defaultPeriod, intakeRegionFor, periodOf, scopeFor } from './period';
import { tableCsvInput } from './tables';

function sendCsv(res: Response, filename: string, header: string[], rows: CsvCell[][], lang: 'nl' | 'en' = 'nl') {
  res.set('content-type', 'text/csv; charset=utf-8');
  res.set('content-disposition', `attachment; filename="${filename}"`);
  res.set('cache-control', 'no-store');
  res.status(200).send(toCsv(header, rows, { decimal: lang === 'nl' ? ',' : '.' }));
}

type FilterQuery = { from?: string | undefined; to?: string | undefined; municipality?: string | undefined };
const periodFrom = (q: FilterQuery, now: Date) => (q.from && q.to ? periodOf(q.from, q.to) : defaultPeriod(now));
const monthOr = (month: string | undefined, now: Date) => month ?? nightOf(now).slice(0, 7);

/** @public */
export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/figures',
    tag: 'figures',
    policy: 'figures.read',
    query: figuresQuery,
    response: figuresAnswer,
    summary:
      'Key figures for a period of nights (default: this month): calls, intakes, placements, occupancy, handoffs, rota coverage',
    handler: async ({ query, user, services: { db, clock } }) =>
      readFigures(db, {
        period: periodFrom(query, clock.now()),
        nis: scopeFor(user!, query.municipality),
        now: clock.now(),
        region: user!.region,
        intakeRegion: intakeRegionFor(user!),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/figures/csv',
    tag: 'figures',
    policy: 'figures.read',
    query: figuresCsvQuery,
    response: file('text/csv'),
    summary: 'One table of the key figures as CSV (UTF-8 with BOM, semicolons)',
    handler: async ({ query, user, res, services: { db, clock } }) => {
      const period = periodFrom(query, clock.now());
      const scope = {
        period,
        nis: scopeFor(user!, query.municipality),
        now: clock.now(),
        region: user!.region,
        intakeRegion: intakeRegionFor(user!),
      };
      const { header, rows } = await tableCsvInput(query.table, db, scope, query.lang ?? 'nl');
      const where = query.municipality ? `-${query.municipality}` : '';
      sendCsv(res, `kerncijfers-${query.table}-${period.from}_${period.to}${where}.csv`, header, rows, query.lang);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/figures/costs',
    tag: 'figures',
    policy: 'figures.read',
    query: costsQuery,
    response: costStatementAnswer,
    summary: 'Cost statement per OCMW for a month (default: this month): guarantees, nights and amounts per place',
    handler: async ({ query, user, services: { db, clock } }) =>
      costStatement(db, monthOr(query.month, clock.now()), scopeFor(user!, query.ocmw), intakeRegionFor(user!)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/figures/costs/csv',
    tag: 'figures',
    policy: 'figures.read',
    query: costsCsvQuery,
    response: file('text/csv'),
    summary: 'The cost statement as CSV: one row per OCMW and place (table=places) or per guarantee (table=lines)',
    handler: async ({ query, user, res, services: { db, clock } }) => {
      const month = monthOr(query.month, clock.now());
      const statement = await costStatement(db, month, scopeFor(user!, query.ocmw), intakeRegionFor(user!));
      const table = query.table ?? 'places';
      const { header, rows } = costCsvInput(statement, table, query.lang ?? 'nl');
      sendCsv(res, `kostenstaat-${month}${query.ocmw ? `-${query.ocmw}` : ''}-${table}.csv`, header, rows, query.lang);
    },
  }),
];
