// Figures per region (issue 15): an intake belongs to the region whose desk recorded it. Existing intakes get
// the region of the place their hold is on, else that of the call they came from, else the first region
// (the only one before migration 019). The figures filter intakes by region and creation time, hence the index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('intakes')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .execute();
  await sql`update intakes i set region_code = coalesce(
      (select p.region_code from holds h join places p on p.id = h.place_id where h.id = i.hold_id),
      (select c.region_code from calls c where c.id = i.call_id),
      (select code from regions order by position, code limit 1))`.execute(db);
  await db.schema
    .alterTable('intakes')
    .alterColumn('region_code', (c) => c.setNotNull())
    .execute();
  await db.schema
    .createIndex('intakes_region_created_idx')
    .on('intakes')
    .columns(['region_code', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('intakes_region_created_idx').execute();
  await db.schema.alterTable('intakes').dropColumn('region_code').execute();
}
