// A worker's shifts as an iCalendar feed (RFC 5545), so they appear in the phone's calendar app.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const hashIcalToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new private token: the old URL stops working at once. */
export async function rotateIcalToken(db: Kysely<Database>, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.updateTable('users').set({ ical_token_hash: hashIcalToken(token) }).where('id', '=', userId).execute();
  return token;
}

export async function userForIcalToken(db: Kysely<Database>, token: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('ical_token_hash', '=', hashIcalToken(token))
    .where('active', '=', true).executeTakeFirst();
}

const SLOT_NL = { primary: 'Permanentie (eerste lijn)', backup: 'Permanentie (back-up)', coordinator: 'Coördinator van wacht' };

export interface IcalShift { start: string; end: string; slot: keyof typeof SLOT_NL }

const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function buildIcal(userId: string, shifts: IcalShift[], now: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Permanentie//Rooster//NL', 'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Permanentie rooster', 'METHOD:PUBLISH'];
  for (const s of shifts) {
    lines.push('BEGIN:VEVENT', `UID:${userId}-${s.slot}-${stamp(s.start)}@permanentie`, `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(s.start)}`, `DTEND:${stamp(s.end)}`, `SUMMARY:${SLOT_NL[s.slot]}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
