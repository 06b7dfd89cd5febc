import { defineRoute } from '../http/route';
import { notFound } from '../http/errors';
import { solidarityTarget } from './solidarity';
import { say } from '../../shared/rules/say';
import { belgianMunicipalities, closestMunicipalities, localName, ocmwName } from './belgium';
import { municipalitySearchAnswer, municipalitySearchQuery, regionAnswer } from '../../shared/api/region';

/** @public */
export const regionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/municipalities',
    tag: 'region',
    policy: 'region.read',
    query: municipalitySearchQuery,
    summary:
      'Every Belgian municipality matching a name or NIS code (for competence facts): its OCMW and whether the desk serves it',
    response: municipalitySearchAnswer,
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
    response: regionAnswer,
    summary:
      "The user's current region and its municipalities, with the places each brings against its solidarity target; the user's regions",
    handler: async ({ user, services: { db, config } }) => {
      let current = db.selectFrom('regions').select(['code', 'name', 'timezone']).orderBy('position').orderBy('code');
      if (user!.region) current = current.where('code', '=', user!.region);
      const region = await current.executeTakeFirst();
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
          .where('region_code', '=', region.code)
          .groupBy('municipality_nis')
          .execute(),
      ]);
      const mine = user!.regions.length
        ? await db
            .selectFrom('regions')
            .select(['code', 'name', 'settings'])
            .where('code', 'in', user!.regions)
            .orderBy('position')
            .orderBy('code')
            .execute()
        : [];
      return {
        region,
        regions: mine.map((r) => ({
          code: r.code,
          name: r.name,
          permanenceNumber: (r.settings as { permanenceNumber?: string }).permanenceNumber ?? null,
        })),
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
