// The wooncel's figures as JSON and CSV. Coordinators, admins and the allocator see the region; OCMW
// staff their own municipalities (a municipality filter outside them is 403).
import { housingFiguresAnswer, housingFiguresCsvQuery, housingFiguresQuery } from '../../shared/api/housing';
import { toCsv } from '../../shared/rules/csv';
import { localDate } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { defineRoute, file, type RouteSpec } from '../http/route';
import { say } from '../../shared/rules/say';
import { fieldError } from '../http/errors';
import { regionOf } from '../region/scope';
import type { Services } from '../services';
import { housingFigures, housingTable, type HousingFigureFilter } from './figures';
import { assertMunicipality, housingScope, regionNis } from './scope';

/**
 * Without a period: the calendar year so far. The figures are the current region's wooncel's (its municipalities,
 * narrowed to OCMW staff's own); a municipality filter of another region is 400 naming it.
 */
async function filterOf(
  services: Services,
  user: AuthUser,
  q: { from?: string | undefined; to?: string | undefined; municipality?: string | undefined },
): Promise<HousingFigureFilter> {
  const today = localDate(services.clock.now());
  const region = regionOf(user);
  if (q.municipality) {
    if (!(await regionNis(services.db, region)).includes(q.municipality))
      throw fieldError('query.municipality', say('geen gemeente van de regio', 'not a municipality of the region'));
    assertMunicipality(user, q.municipality);
  }
  const nis = q.municipality ? [q.municipality] : await housingScope(services.db, user);
  return { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today, nis, region };
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
    handler: async ({ query, user, services }) => housingFigures(services, await filterOf(services, user!, query)),
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
      const f = await filterOf(services, user!, query);
      const { header, rows } = housingTable(await housingFigures(services, f), query.table, query.lang ?? 'nl');
      res.set('content-type', 'text/csv; charset=utf-8');
      res.set('content-disposition', `attachment; filename="wooncel-${query.table}-${f.from}_${f.to}.csv"`);
      res.status(200).send(toCsv(header, rows, { decimal: (query.lang ?? 'nl') === 'nl' ? ',' : '.' }));
    },
  }),
];
