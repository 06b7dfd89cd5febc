// The wooncel's figures as JSON and CSV. Coordinators, admins and the allocator see the region; OCMW
// staff their own municipalities (a municipality filter outside them is 403).
import { housingFiguresAnswer, housingFiguresCsvQuery, housingFiguresQuery } from '../../shared/api/housing';
import { toCsv } from '../../shared/rules/csv';
import { localDate } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { defineRoute, file, type RouteSpec } from '../http/route';
import { housingFigures, housingTable } from './figures';
import { assertMunicipality } from './scope';
import { scope } from '../policies';

/** Without a period: the calendar year so far. */
function filterOf(
  user: AuthUser,
  q: { from?: string | undefined; to?: string | undefined; municipality?: string | undefined },
  now: Date,
) {
  const today = localDate(now);
  if (q.municipality) assertMunicipality(user, q.municipality);
  const own = scope(user);
  const nis = q.municipality ? [q.municipality] : own && [...own];
  return { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today, nis };
}

export const housingFigureRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/housing/figures',
    tag: 'housing',
    policy: 'figures.housing',
    query: housingFiguresQuery,
    response: housingFiguresAnswer,
    summary:
      "The wooncel's figures for a period: registrations, households and persons housed, origins, finished trajectories, outflow",
    handler: ({ query, user, services }) => housingFigures(services, filterOf(user!, query, services.clock.now())),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/figures/csv',
    tag: 'housing',
    policy: 'figures.housing',
    query: housingFiguresCsvQuery,
    response: file('text/csv'),
    summary: 'One table of the wooncel figures as CSV (Belgian Excel)',
    handler: async ({ query, user, services, res }) => {
      const f = filterOf(user!, query, services.clock.now());
      const { header, rows } = housingTable(await housingFigures(services, f), query.table, query.lang ?? 'nl');
      res.set('content-type', 'text/csv; charset=utf-8');
      res.set('content-disposition', `attachment; filename="wooncel-${query.table}-${f.from}_${f.to}.csv"`);
      res.status(200).send(toCsv(header, rows, { decimal: (query.lang ?? 'nl') === 'nl' ? ',' : '.' }));
    },
  }),
];
