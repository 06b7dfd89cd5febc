import { z } from 'zod';
import { defineRoute } from '../http/route';
import { notFound } from '../http/errors';
import { solidarityTarget } from './solidarity';
import { say } from '../../shared/rules/say';
import { belgianMunicipalities, closestMunicipalities, localName, ocmwName } from './belgium';

const regionResponse = z.object({
  region: z.object({ code: z.string(), name: z.string(), timezone: z.string() }),
  municipalities: z.array(
    z.object({
      nis: z.string(),
      name: z.string(),
      population: z.number(),
      postcodes: z.string(),
      eerstelijnszone: z.string(),
      policeZone: z.string(),
      placesTarget: z.number(),
      placesBrought: z.number(),
    }),
  ),
  privacy: z.object({ storeRrn: z.boolean(), retentionDays: z.number() }),
});

const searchResponse = z.object({
  municipalities: z.array(z.object({ nis: z.string(), name: z.string(), ocmw: z.string(), served: z.boolean() })),
});

export const regionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/municipalities',
    tag: 'region',
    policy: 'region.read',
    query: z.strictObject({ q: z.string().trim().min(1).max(80) }),
    summary:
      'Every Belgian municipality matching a name or NIS code (for competence facts): its OCMW and whether the desk serves it',
    response: searchResponse,
    handler: async ({ query, services: { db } }) => {
      const hits = /^\d{1,5}$/.test(query.q)
        ? belgianMunicipalities()
            .filter((m) => m.nis.startsWith(query.q))
            .slice(0, 10)
        : closestMunicipalities(query.q, 10);
      if (hits.length === 0) return { municipalities: [] };
      const rows = await db
        .selectFrom('municipalities')
        .innerJoin('ocmws', 'ocmws.municipality_nis', 'municipalities.nis')
        .select(['municipalities.nis', 'municipalities.region_code', 'ocmws.name as ocmw'])
        .where(
          'municipalities.nis',
          'in',
          hits.map((m) => m.nis),
        )
        .execute();
      return {
        municipalities: hits.map((m) => {
          const row = rows.find((r) => r.nis === m.nis);
          return { nis: m.nis, name: localName(m), ocmw: row?.ocmw ?? ocmwName(m), served: Boolean(row?.region_code) };
        }),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/region',
    tag: 'region',
    policy: 'region.read',
    summary: 'The region and its municipalities, with the places each brings against its solidarity target',
    response: regionResponse,
    handler: async ({ services: { db, config } }) => {
      const region = await db
        .selectFrom('regions')
        .select(['code', 'name', 'timezone'])
        .orderBy('code')
        .executeTakeFirst();
      if (!region) throw notFound(say('Er is nog geen regio ingesteld.', 'No region is configured yet.'));
      const [rows, brought] = await Promise.all([
        db.selectFrom('municipalities').selectAll().where('region_code', '=', region.code).orderBy('name').execute(),
        // The solidarity view: OCMW emergency and transit homes each municipality brings into the pool.
        db
          .selectFrom('places')
          .select(['municipality_nis'])
          .select((eb) => eb.fn.sum<number>('capacity').as('n'))
          .where('type', 'in', ['ocmw_noodwoning', 'doorgangswoning'])
          .where('active', '=', true)
          .groupBy('municipality_nis')
          .execute(),
      ]);
      return {
        region,
        privacy: { storeRrn: config.storeRrn, retentionDays: config.retentionDays },
        municipalities: rows.map((m) => ({
          nis: m.nis,
          name: m.name,
          population: m.population,
          postcodes: m.postcodes,
          eerstelijnszone: m.eerstelijnszone,
          policeZone: m.police_zone,
          placesTarget: solidarityTarget(m.population),
          placesBrought: Number(brought.find((b) => b.municipality_nis === m.nis)?.n ?? 0),
        })),
      };
    },
  }),
];
