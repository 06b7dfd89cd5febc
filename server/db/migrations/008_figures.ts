// Indexes for the key figures (server/reports): every figure reads one period of nights, so each table
// it scans gets an index on the instant or night it is filtered by; intakes also by competent municipality.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index holds_placed_idx on holds (placed_at) where placed_at is not null`.execute(db);
  await db.schema.createIndex('guarantees_first_night_idx').on('guarantees').column('first_night').execute();
  await db.schema.createIndex('handoffs_created_idx').on('handoffs').column('created_at').execute();
  await db.schema.createIndex('intakes_competent_idx').on('intakes').columns(['competent_nis', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['intakes_competent_idx', 'handoffs_created_idx', 'guarantees_first_night_idx', 'holds_placed_idx']) {
    await db.schema.dropIndex(i).execute();
  }
}
