// Every Belgian municipality, not only the region's: the competent OCMW may be anywhere (a patient of
// Geel registered in Antwerpen, an asylum seeker registered in Charleroi). Rows outside every region
// have no region_code; the national names and hierarchy come from Statbel's REFNIS list. A handoff to
// an OCMW the desk does not serve records how it was handed over (phone or e-mail).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('municipalities')
    .alterColumn('region_code', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('municipalities')
    .addColumn('name_nl', 'text')
    .addColumn('name_fr', 'text')
    .addColumn('name_de', 'text')
    .addColumn('arrondissement_nis', 'text')
    .addColumn('province_nis', 'text')
    .addColumn('belgian_region', 'text')
    .execute();
  await db.schema.alterTable('handoffs').addColumn('handover', 'jsonb').execute();
  await setEventKinds(db, [
    'created',
    'acknowledged',
    'follow_up',
    'forwarded',
    'closed',
    'escalated',
    'digest',
    'handed_over',
  ]);
}

async function setEventKinds(db: Kysely<any>, kinds: string[]): Promise<void> {
  await sql`alter table handoff_events drop constraint handoff_events_kind_check`.execute(db);
  await sql`alter table handoff_events add constraint handoff_events_kind_check check (kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('handoff_events').where('kind', '=', 'handed_over').execute();
  await setEventKinds(db, ['created', 'acknowledged', 'follow_up', 'forwarded', 'closed', 'escalated', 'digest']);
  await db.schema.alterTable('handoffs').dropColumn('handover').execute();
  for (const c of ['belgian_region', 'province_nis', 'arrondissement_nis', 'name_de', 'name_fr', 'name_nl']) {
    await db.schema.alterTable('municipalities').dropColumn(c).execute();
  }
  await db
    .deleteFrom('ocmws')
    .where('municipality_nis', 'in', db.selectFrom('municipalities').select('nis').where('region_code', 'is', null))
    .execute();
  await db.deleteFrom('municipalities').where('region_code', 'is', null).execute();
  await db.schema
    .alterTable('municipalities')
    .alterColumn('region_code', (c) => c.setNotNull())
    .execute();
}
