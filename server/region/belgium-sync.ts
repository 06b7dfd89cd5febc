// Loads every Belgian municipality and its OCMW into the database, idempotently: at start when the
// shipped list changed (so a database made before migration 011, or before a new list, gets them) and
// when a region is seeded. A region's own rows keep
// their region, name and OCMW details; only Statbel's names and hierarchy are written over them.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { belgiumDataChecksum, belgianMunicipalities, localName, ocmwName } from './belgium';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Office hours assumed for an OCMW the desk does not serve: weekdays 09:00-12:00 and the public
 * holidays, the common minimum; it sets when the guarantee ends and the handoff falls due.
 */
export const DEFAULT_OCMW_CALENDAR = {
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '12:00' }]])),
  closureDays: [],
  observePublicHolidays: true,
};

/** @public */
export async function syncBelgium(db: Db): Promise<void> {
  const all = belgianMunicipalities();
  await db
    .insertInto('municipalities')
    .values(
      all.map((m) => ({
        nis: m.nis,
        region_code: null,
        name: localName(m),
        population: 0,
        postcodes: '',
        eerstelijnszone: '',
        police_zone: '',
        name_nl: m.nameNl,
        name_fr: m.nameFr,
        name_de: m.nameDe,
        arrondissement_nis: m.arrondissementNis,
        province_nis: m.provinceNis,
        belgian_region: m.region,
      })),
    )
    .onConflict((oc) =>
      oc.column('nis').doUpdateSet((eb) => ({
        name_nl: eb.ref('excluded.name_nl'),
        name_fr: eb.ref('excluded.name_fr'),
        name_de: eb.ref('excluded.name_de'),
        arrondissement_nis: eb.ref('excluded.arrondissement_nis'),
        province_nis: eb.ref('excluded.province_nis'),
        belgian_region: eb.ref('excluded.belgian_region'),
      })),
    )
    .execute();
  await db
    .insertInto('ocmws')
    .values(
      all.map((m) => ({
        municipality_nis: m.nis,
        name: ocmwName(m),
        phone: null,
        email: null,
        calendar: JSON.stringify(DEFAULT_OCMW_CALENDAR),
        contact_mobile: null,
      })),
    )
    .onConflict((oc) => oc.column('municipality_nis').doNothing())
    .execute();
}

/** Raise when syncBelgium writes something new from the same list: every database syncs once more. */
const SYNC_VERSION = 1;
const DATA_SET = 'belgium-municipalities';

/**
 * At start: syncs only when the list (or what syncing writes) changed since the last sync, recorded in
 * data_versions in the same transaction. An unchanged start costs one small query instead of 1,130 upserts.
 * @public
 */
export async function syncBelgiumIfChanged(db: Kysely<Database>, now: Date): Promise<boolean> {
  const checksum = `${belgiumDataChecksum()}:v${SYNC_VERSION}`;
  const done = await db.selectFrom('data_versions').select('checksum').where('name', '=', DATA_SET).executeTakeFirst();
  if (done?.checksum === checksum) return false;
  await db.transaction().execute(async (trx) => {
    await syncBelgium(trx);
    await trx
      .insertInto('data_versions')
      .values({ name: DATA_SET, checksum, loaded_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ checksum, loaded_at: now }))
      .execute();
  });
  return true;
}
