// A worker's shifts as an iCalendar feed (RFC 5545), so they appear in the phone's calendar app.
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Kysely } from 'kysely';
import { setIcalTokenHash } from '../auth/users';
import type { Database } from '../db/schema';

export const hashIcalToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new private token: the old URL stops working at once. */
export async function rotateIcalToken(db: Kysely<Database>, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await setIcalTokenHash(db, userId, hashIcalToken(token));
  return token;
}

export async function userForIcalToken(db: Kysely<Database>, token: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('ical_token_hash', '=', hashIcalToken(token))
    .where('active', '=', true).executeTakeFirst();
}

const SLOT_NL = { primary: 'Permanentie (eerste lijn)', backup: 'Permanentie (back-up)', coordinator: 'Coördinator van wacht' };

export interface IcalShift { start: string; end: string; slot: keyof typeof SLOT_NL }

/** Calendars look again after this long (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const ICAL_REFRESH_SECONDS = 3600;
const SEQUENCE_EPOCH = Date.parse('2024-01-01T00:00:00Z');
const ROTA_SUBJECTS = ['rotation', 'override', 'swap', 'rota_rotations', 'rota_overrides'];

/** When the rota last changed (every change is audited), or null if it never did since seeding. */
export async function lastRotaChange(db: Kysely<Database>): Promise<Date | null> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('at').as('at'))
    .where('subject_type', 'in', ROTA_SUBJECTS).where('action', '!=', 'read').executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/**
 * SEQUENCE for every event: seconds from 2024 to the last rota change. It only grows, so any edit
 * raises it, and calendars take the new times; an untouched rota keeps it (fits 32 bits until 2092).
 */
export const icalSequence = (lastChange: Date | null) =>
  lastChange ? Math.max(0, Math.floor((lastChange.getTime() - SEQUENCE_EPOCH) / 1000)) : 0;

/**
 * The feed. A shift's UID is who, which slot and its real start (never the feed window's edge), so
 * it stays the same at every fetch. Times are in UTC (unambiguous across DST); X-WR-TIMEZONE tells
 * calendar apps the desk's zone for display.
 */
export function buildIcal(userId: string, shifts: IcalShift[], now: Date, lastChange: Date | null): string {
  const cal = ical({
    prodId: '//Permanentie//Rooster//NL', name: 'Permanentie rooster', method: ICalCalendarMethod.PUBLISH,
    ttl: ICAL_REFRESH_SECONDS, x: { 'X-WR-TIMEZONE': 'Europe/Brussels' },
  });
  const sequence = icalSequence(lastChange);
  for (const s of shifts) {
    cal.createEvent({
      id: `${userId}-${s.slot}-${new Date(s.start).toISOString().replace(/[-:]|\.\d{3}/g, '')}@permanentie`,
      start: new Date(s.start), end: new Date(s.end), summary: SLOT_NL[s.slot], sequence, stamp: now,
      lastModified: lastChange ?? undefined,
    });
  }
  return cal.toString();
}
