// A hold records the region whose desk made it (issue 15). It was inferred from its maker's regions
// (user_regions): a hold by an account of both regions on a neighbour's place counted as the place's own
// region's, and a worker moved to another region later took their holds' reach along. Null: the place's own
// region (history rows and fixtures written without it). Existing holds get what the inference said: the
// maker's region when the maker works elsewhere and not in the place's region (the first such region), else
// the place's.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('holds')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .execute();
  await sql`update holds h set region_code = coalesce(
      (select ur.region_code from user_regions ur join places p on p.id = h.place_id
        where ur.user_id = h.created_by and ur.region_code <> p.region_code
          and not exists (select 1 from user_regions o where o.user_id = h.created_by and o.region_code = p.region_code)
        order by ur.region_code limit 1),
      (select p.region_code from places p where p.id = h.place_id))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('holds').dropColumn('region_code').execute();
}
