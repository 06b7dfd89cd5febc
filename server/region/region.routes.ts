import { z } from 'zod';
import { ALL_ROLES, defineRoute } from '../http/route';
import { notFound } from '../http/errors';
import { solidarityTarget } from './solidarity';
import { say } from '../../shared/rules/say';

const regionResponse = z.object({
  region: z.object({ code: z.string(), name: z.string(), timezone: z.string() }),
  municipalities: z.array(z.object({
    nis: z.string(), name: z.string(), population: z.number(), postcodes: z.string(),
    eerstelijnszone: z.string(), policeZone: z.string(), placesTarget: z.number(), placesBrought: z.number(),
  })),
  privacy: z.object({ storeRrn: z.boolean(), retentionDays: z.number() }),
});

export const regionRoutes = [
  defineRoute({
    method: 'get', path: '/api/region', tag: 'region', roles: ALL_ROLES,
    summary: 'The region and its municipalities, with the places each brings against its solidarity target',
    response: regionResponse,
    handler: async ({ services: { db, config } }) => {
      const region = await db.selectFrom('regions').select(['code', 'name', 'timezone']).orderBy('code').executeTakeFirst();
      if (!region) throw notFound(say('Er is nog geen regio ingesteld.', 'No region is configured yet.'));
      const [rows, brought] = await Promise.all([
        db.selectFrom('municipalities').selectAll().where('region_code', '=', region.code).orderBy('name').execute(),
        // The solidarity view: OCMW emergency and transit homes each municipality brings into the pool.
        db.selectFrom('places').select(['municipality_nis']).select((eb) => eb.fn.sum<number>('capacity').as('n'))
          .where('type', 'in', ['ocmw_noodwoning', 'doorgangswoning']).where('active', '=', true).groupBy('municipality_nis').execute(),
      ]);
      return {
        region, privacy: { storeRrn: config.storeRrn, retentionDays: config.retentionDays },
        municipalities: rows.map((m) => ({
          nis: m.nis, name: m.name, population: m.population, postcodes: m.postcodes,
          eerstelijnszone: m.eerstelijnszone, policeZone: m.police_zone, placesTarget: solidarityTarget(m.population),
          placesBrought: Number(brought.find((b) => b.municipality_nis === m.nis)?.n ?? 0),
        })),
      };
    },
  }),
];
