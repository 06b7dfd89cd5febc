// Several regions in one deployment (issue 15 part 3): the rota and the calls belong to a region, users to one or
// more regions (an admin may span several), and a session remembers the region its user is looking at. Rows that
// exist already belong to the first region (the only one before this migration).
import { sql, type Kysely } from 'kysely';

const ROTA_TABLES = ['rota_rotations', 'rota_overrides', 'rota_swaps'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const first = sql`(select min(code) from regions)`;
  for (const table of ROTA_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('region_code', 'text', (c) => c.references('regions.code'))
      .execute();
    await db.updateTable(table).set({ region_code: first }).execute();
    await db.schema
      .alterTable(table)
      .alterColumn('region_code', (c) => c.setNotNull())
      .execute();
    await db.schema.createIndex(`${table}_region_idx`).on(table).column('region_code').execute();
  }
  // A call to a number no region claims (or before any region exists) keeps a null region: the first region's.
  await db.schema
    .alterTable('calls')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .execute();
  await db.updateTable('calls').set({ region_code: first }).execute();
  await db.schema.createIndex('calls_region_started_idx').on('calls').columns(['region_code', 'started_at']).execute();

  await db.schema
    .createTable('user_regions')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('user_regions_pk', ['user_id', 'region_code'])
    .execute();
  await sql`insert into user_regions (user_id, region_code)
    select u.id, r.code from users u cross join (select min(code) as code from regions) r
    where r.code is not null and u.role <> 'ocmw_staff'`.execute(db);

  await db.schema.alterTable('sessions').addColumn('region_code', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('region_code').execute();
  await db.schema.dropTable('user_regions').execute();
  await db.schema.dropIndex('calls_region_started_idx').execute();
  await db.schema.alterTable('calls').dropColumn('region_code').execute();
  for (const table of ROTA_TABLES) {
    await db.schema.dropIndex(`${table}_region_idx`).execute();
    await db.schema.alterTable(table).dropColumn('region_code').execute();
  }
}
