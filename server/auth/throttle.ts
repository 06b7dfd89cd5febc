// Login throttling: after N failures within the lockout window a key (a username, an IP address)
// is locked until a stated time. Kept in the database so every instance sees the same lock.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ThrottlePolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

export async function lockedUntil(db: Kysely<Database>, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.selectFrom('login_throttle').select('locked_until')
    .where('key', 'in', keys).where('locked_until', '>', now).execute();
  const times = rows.map((r) => new Date(r.locked_until as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts one failure; returns the lock's end if this failure locked the key. */
export async function recordFailure(db: Kysely<Database>, key: string, now: Date, policy: ThrottlePolicy) {
  const windowStart = new Date(now.getTime() - policy.lockoutMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  // One statement, so two instances counting at once cannot lose a failure.
  const row = await db.insertInto('login_throttle')
    .values({ key, failures: 1, first_failure_at: now, locked_until: policy.maxFailures <= 1 ? lockEnd : null })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      failures: sql`case when login_throttle.first_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
      first_failure_at: sql`case when login_throttle.first_failure_at < ${windowStart} then ${now} else login_throttle.first_failure_at end`,
      locked_until: sql`case when login_throttle.first_failure_at >= ${windowStart}
        and login_throttle.failures + 1 >= ${policy.maxFailures} then ${lockEnd}::timestamptz else null end`,
    }))
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
  return row.locked_until ? new Date(row.locked_until) : null;
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
