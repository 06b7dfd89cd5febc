// Sign-in throttling per (username, address) instead of per username: a row names both, so the desk
// can count how many addresses fail on one username (password spraying) without parsing keys.
// Locks of whole usernames (`user:` keys) from before are dropped: they are no longer a thing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('login_throttle')
    .addColumn('username', 'text')
    .addColumn('address', 'text')
    .addColumn('last_failure_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('login_throttle_username_idx')
    .on('login_throttle')
    .columns(['username', 'last_failure_at'])
    .execute();
  await sql`delete from login_throttle where key like 'user:%'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_throttle_username_idx').execute();
  await db.schema
    .alterTable('login_throttle')
    .dropColumn('username')
    .dropColumn('address')
    .dropColumn('last_failure_at')
    .execute();
}
