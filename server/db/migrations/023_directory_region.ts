// The directory of known callers per region (issue 15): each entry belongs to the region whose desk keeps it, and
// the admin routes show and change the current region's entries only. Entries that exist already belong to the
// first region (the first loaded, `regions.position`: the only one before several regions). A number stays unique
// across regions: the screening and the figures name a known caller whichever line it calls.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('directory')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .execute();
  await db
    .updateTable('directory')
    .set({ region_code: sql`(select code from regions order by position, code limit 1)` })
    .execute();
  await db.schema
    .alterTable('directory')
    .alterColumn('region_code', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('directory_region_idx').on('directory').column('region_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('directory_region_idx').execute();
  await db.schema.alterTable('directory').dropColumn('region_code').execute();
}
