// The referrer kept in the loop (issue 20): a reference per intake read out on the phone, allocated
// from a counter per region letter and desk night; the referrer's confirmation SMS tied to its
// intake, with a 'cancelled' state for the 30-second undo; the language each organisation in the
// directory is texted in; a place's meeting point (a refuge's address is never texted); a call
// recognised as a call-back about a case. Existing intakes get their reference here, in order.
import { sql, type Kysely } from 'kysely';
import { formatReference, referenceNight, regionLetter } from '../../../shared/rules/intake/reference';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intake_reference_counters')
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('night', 'text', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('intake_reference_counters_pk', ['letter', 'night'])
    .execute();
  await db.schema.alterTable('intakes').addColumn('reference', 'text').addColumn('reference_night', 'text').execute();
  await db.schema
    .createIndex('intakes_reference_idx')
    .on('intakes')
    .columns(['reference_night', 'reference'])
    .unique()
    .execute();
  await db.schema.createIndex('intakes_reference_lookup_idx').on('intakes').column('reference').execute();

  await db.schema
    .alterTable('directory')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl').check(sql`language in ('nl', 'fr')`))
    .execute();
  await db.schema.alterTable('places').addColumn('meeting_point', 'text').execute();

  await db.schema
    .alterTable('outbox')
    .addColumn('intake_id', 'uuid', (c) => c.references('intakes.id'))
    .execute();
  await db.schema.createIndex('outbox_intake_idx').on('outbox').column('intake_id').execute();
  await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
  await sql`alter table outbox add constraint outbox_status_check
    check (status in ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'sandbox', 'cancelled'))`.execute(
    db,
  );

  await db.schema
    .alterTable('calls')
    .addColumn('callback_intake_id', 'uuid', (c) => c.references('intakes.id'))
    .execute();
  await db.schema.createIndex('calls_callback_idx').on('calls').column('callback_intake_id').execute();

  await backfill(db);
}

async function backfill(db: Kysely<any>): Promise<void> {
  const region = await db.selectFrom('regions').select(['name', 'settings']).orderBy('code').executeTakeFirst();
  const letter = regionLetter(region?.name ?? 'X', region?.settings?.reference?.letter);
  const rows = await db
    .selectFrom('intakes')
    .select(['id', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const night = referenceNight(new Date(r.created_at));
    const no = (counts.get(night) ?? 0) + 1;
    counts.set(night, no);
    await db
      .updateTable('intakes')
      .set({ reference: formatReference({ letter, night, no }), reference_night: night })
      .where('id', '=', r.id)
      .execute();
  }
  for (const [night, no] of counts)
    await db.insertInto('intake_reference_counters').values({ letter, night, last_no: no }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('callback_intake_id').execute();
  await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
  await sql`update outbox set status = 'failed' where status = 'cancelled'`.execute(db);
  await sql`alter table outbox add constraint outbox_status_check
    check (status in ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'sandbox'))`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('intake_id').execute();
  await db.schema.alterTable('places').dropColumn('meeting_point').execute();
  await db.schema.alterTable('directory').dropColumn('language').execute();
  await db.schema.alterTable('intakes').dropColumn('reference').dropColumn('reference_night').execute();
  await db.schema.dropTable('intake_reference_counters').execute();
}
