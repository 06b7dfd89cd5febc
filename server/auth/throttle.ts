// Sign-in throttling, kept in the database so every instance sees the same state. Two kinds of key:
// - `pair:<address> <username>`: failures of one username from one address. After `maxFailures` of
//   them a delay applies that doubles with each further failure (capped). Nobody else's failures
//   count here, so guessing from elsewhere never locks the right password out from the right place.
// - `ip:<address>`: failures from one address on any username; too many lock the address.
// A username as a whole is never locked (that would let anyone lock a duty worker out by name).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ThrottlePolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

export interface PairPolicy {
  /** Failures of one (username, address) before the first delay. */
  maxFailures: number;
  /** The longest delay. */
  maxDelayMinutes: number;
}

/** A pair's failures are forgotten after a day without one (or at its next successful sign-in). */
export const PAIR_MEMORY_MS = 24 * 3_600_000;
const FIRST_DELAY_MS = 60_000;

export const pairKey = (username: string, address: string) => `pair:${address} ${username}`;

/** The delay after the n-th failure of a pair: none before maxFailures, then 1, 2, 4, ... minutes, capped. */
export function pairDelayMs(failures: number, policy: PairPolicy): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30); // 2^30 minutes is past any cap
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, policy.maxDelayMinutes * 60_000);
}

export async function lockedUntil(db: Kysely<Database>, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  const times = rows.map((r) => new Date(r.locked_until as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts one failure of (username, address); returns the end of the delay it now has, if any. */
export async function recordPairFailure(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
  policy: PairPolicy,
) {
  const key = pairKey(username, address);
  const forgetBefore = new Date(now.getTime() - PAIR_MEMORY_MS);
  // One statement counts, so two instances failing at once cannot lose a failure.
  const row = await db
    .insertInto('login_throttle')
    .values({ key, username, address, failures: 1, first_failure_at: now, last_failure_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql`case when login_throttle.last_failure_at < ${forgetBefore} then ${now} else login_throttle.first_failure_at end`,
        last_failure_at: now,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  const delay = pairDelayMs(row.failures, policy);
  if (!delay) return null;
  const until = new Date(now.getTime() + delay);
  // Never shorten a delay another instance has just set for a later failure.
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
    .execute();
  return until;
}

/** Counts one failure of a key (an address); returns the lock's end if this failure locked it. */
export async function recordFailure(db: Kysely<Database>, key: string, now: Date, policy: ThrottlePolicy) {
  const windowStart = new Date(now.getTime() - policy.lockoutMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  // One statement, so two instances counting at once cannot lose a failure.
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, first_failure_at: now, locked_until: policy.maxFailures <= 1 ? lockEnd : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when login_throttle.first_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql`case when login_throttle.first_failure_at < ${windowStart} then ${now} else login_throttle.first_failure_at end`,
        locked_until: sql`case when login_throttle.first_failure_at >= ${windowStart}
        and login_throttle.failures + 1 >= ${policy.maxFailures} then ${lockEnd}::timestamptz else null end`,
      }),
    )
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
  return row.locked_until ? new Date(row.locked_until) : null;
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export interface Spray {
  username: string;
  addresses: number;
  lastFailureAt: string;
}

/**
 * Existing usernames failing from at least `threshold` distinct addresses since `since`: someone is trying
 * passwords on them from several places (password spraying, or a botnet guessing one account).
 */
export async function sprays(
  db: Kysely<Database>,
  since: Date,
  threshold: number,
  username?: string,
): Promise<Spray[]> {
  // Only existing accounts: guesses at names nobody has are not worth waking anyone for.
  let q = db
    .selectFrom('login_throttle')
    .innerJoin('users', 'users.username', 'login_throttle.username')
    .select([
      'login_throttle.username',
      (eb) => eb.fn.countAll<string>().as('addresses'),
      (eb) => eb.fn.max('login_throttle.last_failure_at').as('last'),
    ])
    .where('login_throttle.last_failure_at', '>=', since);
  if (username !== undefined) q = q.where('login_throttle.username', '=', username);
  const rows = await q
    .groupBy('login_throttle.username')
    .having((eb) => eb.fn.countAll(), '>=', threshold)
    .orderBy('login_throttle.username')
    .execute();
  return rows.map((r) => ({
    username: r.username!,
    addresses: Number(r.addresses),
    lastFailureAt: new Date(r.last as Date).toISOString(),
  }));
}
