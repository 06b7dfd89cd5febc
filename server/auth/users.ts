// Creating accounts: shared by `npm run user:add` and the admin API, validated by one schema.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Role } from '../db/schema';
import { conflict, fieldError } from '../http/errors';
import { hashPassword } from './passwords';
import { say } from '../../shared/rules/say';
import { newUserSchema } from '../../shared/api/auth';

// The schema is the API's (shared/api/auth.ts); `user:add` validates with the same one.
export { newUserSchema };
export type NewUser = z.output<typeof newUserSchema>;

export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  defaultRegions: string[] = [],
): Promise<{ id: string; role: Role }> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken)
    throw conflict(
      say(`De gebruikersnaam "${input.username}" is al in gebruik.`, `The username "${input.username}" is taken.`),
    );
  if (input.municipalities.length) {
    const known = await db
      .selectFrom('municipalities')
      .select('nis')
      .where('nis', 'in', input.municipalities)
      .execute();
    const missing = input.municipalities.filter((n) => !known.some((k) => k.nis === n));
    if (missing.length)
      throw fieldError(
        'body.municipalities',
        say(`onbekende gemeente ${missing.join(', ')}`, `unknown municipality ${missing.join(', ')}`),
      );
  }
  const regions = input.role === 'ocmw_staff' ? [] : (input.regions ?? defaultRegions);
  if (regions.length) {
    const known = await db.selectFrom('regions').select('code').where('code', 'in', regions).execute();
    const missing = regions.filter((r) => !known.some((k) => k.code === r));
    if (missing.length)
      throw fieldError(
        'body.regions',
        say(`onbekende regio ${missing.join(', ')}`, `unknown region ${missing.join(', ')}`),
      );
    // A worker's municipalities (other than an OCMW's, which may lie anywhere in Belgium) lie in the worker's regions.
    if (input.municipalities.length) {
      const inside = await db
        .selectFrom('municipalities')
        .select('nis')
        .where('nis', 'in', input.municipalities)
        .where('region_code', 'in', regions)
        .execute();
      const outside = input.municipalities.filter((n) => !inside.some((k) => k.nis === n));
      if (outside.length)
        throw fieldError(
          'body.municipalities',
          say(
            `gemeente ${outside.join(', ')} ligt niet in regio ${regions.join(', ')}`,
            `municipality ${outside.join(', ')} is not in region ${regions.join(', ')}`,
          ),
        );
    }
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: passwordHash,
        phone: input.phone ?? null,
      })
      .returning(['id', 'role'])
      .executeTakeFirstOrThrow();
    if (input.municipalities.length) {
      await trx
        .insertInto('user_municipalities')
        .values(input.municipalities.map((nis) => ({ user_id: user.id, municipality_nis: nis })))
        .execute();
    }
    if (regions.length)
      await trx
        .insertInto('user_regions')
        .values(regions.map((region_code) => ({ user_id: user.id, region_code })))
        .execute();
    return user;
  });
}

/**
 * Stores the hash of a worker's private iCal token (the rota makes the token; accounts are auth's to write).
 * @public
 */
export async function setIcalTokenHash(db: Kysely<Database>, userId: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ ical_token_hash: hash }).where('id', '=', userId).execute();
}
