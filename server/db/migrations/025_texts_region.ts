// Texts per region (issue 15): a text in or out belongs to one region's desk, or to none (deployment-wide,
// e.g. a security alert), and `GET /api/sms` / `GET /api/outbox` list the user's region's texts plus those of
// no region. The lists order by received_at / created_at, hence the indexes.
// Backfill. sms_inbound never stored the number texted (Twilio's `To`), so an existing inbound text cannot be
// matched to a region's permanence number: it gets the first region (by position), as a call to a number no
// region claims does. A text out about a case gets its intake's region; any other stays without a region.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['sms_inbound', 'outbox'])
    await db.schema
      .alterTable(table)
      .addColumn('region_code', 'text', (c) => c.references('regions.code'))
      .execute();
  await sql`update sms_inbound set region_code = (select code from regions order by position, code limit 1)`.execute(
    db,
  );
  await sql`update outbox o set region_code = i.region_code from intakes i where i.id = o.intake_id`.execute(db);
  await db.schema
    .createIndex('sms_inbound_region_received_idx')
    .on('sms_inbound')
    .columns(['region_code', 'received_at'])
    .execute();
  await db.schema
    .createIndex('outbox_region_created_idx')
    .on('outbox')
    .columns(['region_code', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_region_created_idx').execute();
  await db.schema.dropIndex('sms_inbound_region_received_idx').execute();
  for (const table of ['sms_inbound', 'outbox']) await db.schema.alterTable(table).dropColumn('region_code').execute();
}
