// Server-side sessions: the cookie holds a random token, the database only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { readCookies } from '../http/cookies';

/** @public */
export const SESSION_COOKIE = 'permanentie_session';

/** @public */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** NIS codes an OCMW staff member is scoped to; empty for other roles. */
  municipalities: string[];
  /** The regions the user works in (an admin may span several); OCMW staff: the regions of their municipalities. */
  regions: string[];
  /** The region the user is looking at now (the session's choice, else the first of `regions`); null: none. */
  region: string | null;
}

/**
 * What the sessions table keeps of a token (and names a session's socket room).
 * @public
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<Database>, userId: string, now: Date, ttlHours: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** @public */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<AuthUser | null> {
  return (await sessionOf(db, token, now))?.user ?? null;
}

/**
 * The signed-in user and when the session ends (the socket handshake disconnects at that moment).
 * @public
 */
export async function sessionOf(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ user: AuthUser; expiresAt: Date } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'sessions.expires_at',
      'sessions.region_code',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const user = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    municipalities: await municipalitiesOf(db, row.id),
    ...(await regionsOf(db, row.id, row.region_code)),
  };
  return { user, expiresAt: new Date(row.expires_at) };
}

/**
 * A user's regions and the current one: the session's choice when the user still belongs to it, else the first.
 * @public
 */
export async function regionsOf(
  db: Kysely<Database>,
  userId: string,
  chosen: string | null = null,
): Promise<{ regions: string[]; region: string | null }> {
  const rows = await db
    .selectFrom('user_regions')
    .innerJoin('regions', 'regions.code', 'user_regions.region_code')
    .select('user_regions.region_code')
    .where('user_regions.user_id', '=', userId)
    // In load order: a user of several regions starts in the first (the Kempen in the demo).
    .orderBy('regions.position')
    .orderBy('user_regions.region_code')
    .execute();
  let regions = rows.map((r) => r.region_code);
  // OCMW staff belong to no region of their own: they look at the regions their municipalities lie in (if any).
  if (regions.length === 0) {
    const own = await db
      .selectFrom('user_municipalities')
      .innerJoin('municipalities', 'municipalities.nis', 'user_municipalities.municipality_nis')
      .select('municipalities.region_code')
      .distinct()
      .where('user_municipalities.user_id', '=', userId)
      .where('municipalities.region_code', 'is not', null)
      .orderBy('municipalities.region_code')
      .execute();
    regions = own.map((r) => r.region_code!);
  }
  return { regions, region: chosen && regions.includes(chosen) ? chosen : (regions[0] ?? null) };
}

export async function municipalitiesOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_municipalities')
    .select('municipality_nis')
    .where('user_id', '=', userId)
    .orderBy('municipality_nis')
    .execute();
  return rows.map((r) => r.municipality_nis);
}

/**
 * Reads the session cookie from a raw Cookie header (the socket.io handshake has no Express middleware).
 * @public
 */
export function tokenFromCookieHeader(header: string | undefined): string | null {
  return readCookies(header)[SESSION_COOKIE] ?? null;
}
