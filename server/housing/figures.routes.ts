// The wooncel's figures as JSON and CSV. Coordinators, admins and the allocator see the region; OCMW
// staff their own municipalities (a municipality filter outside them is 403).
import { z } from 'zod';
import { toCsv } from '../../shared/rules/csv';
import { nisCode } from '../../shared/rules/nis';
import { say } from '../../shared/rules/say';
import { isIsoDate, localDate } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { defineRoute, type RouteSpec } from '../http/route';
import { HOUSING_TABLES, housingFigures, housingTable } from './figures';
import { assertMunicipality } from './scope';
import { scope } from '../policies';

const isoDate = z
  .string()
  .refine(isIsoDate, { message: say('geen bestaande datum (JJJJ-MM-DD)', 'not an existing date (YYYY-MM-DD)') });
const filter = { from: isoDate.optional(), to: isoDate.optional(), municipality: nisCode.optional() };
const check = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if ((q.from === undefined) !== (q.to === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [q.from ? 'to' : 'from'],
      message: say('geef from en to samen', 'give from and to together'),
    });
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: say('ligt vóór from', 'is before from') });
};

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
    query: z.strictObject(filter).superRefine(check),
    summary:
      "The wooncel's figures for a period: registrations, households and persons housed, origins, finished trajectories, outflow",
    handler: ({ query, user, services }) => housingFigures(services, filterOf(user!, query, services.clock.now())),
  }),
  defineRoute({
    method: 'get',
    path: '/api/housing/figures/csv',
    tag: 'housing',
    policy: 'figures.housing',
    query: z
      .strictObject({
        ...filter,
        lang: z.enum(['nl', 'en']).optional(),
        table: z.enum(HOUSING_TABLES, {
          error: say(
            `table is een van ${HOUSING_TABLES.join(', ')}`,
            `table must be one of ${HOUSING_TABLES.join(', ')}`,
          ),
        }),
      })
      .superRefine(check),
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
