// A worker's shifts as an iCalendar feed (RFC 5545), so they appear in the phone's calendar app.
import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
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
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('ical_token_hash', '=', hashIcalToken(token))
    .where('active', '=', true)
    .executeTakeFirst();
}

const SLOT_NL = {
  primary: 'Permanentie (eerste lijn)',
  backup: 'Permanentie (back-up)',
  coordinator: 'Coördinator van wacht',
};

export interface IcalShift {
  start: string;
  end: string;
  slot: keyof typeof SLOT_NL;
}

/** Calendars look again after this long (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const ICAL_REFRESH_SECONDS = 3600;
const ZONE = 'Europe/Brussels';
/** What the feed remembers of past shifts (their SEQUENCE) after they ended. */
const KEEP_DAYS = 30;

/**
 * A shift's UID: who, which slot, and the Brussels date its shift starts (a second shift of the same
 * slot starting that date gets "-2"). Neither the fetch instant, the feed window's edge, a rota edit
 * nor an office-hours edit that moves the start within its day changes it.
 */
export function icalUids(userId: string, shifts: IcalShift[]): string[] {
  const seen = new Map<string, number>();
  return shifts.map((s) => {
    const key = `${userId}-${s.slot}-${DateTime.fromISO(s.start, { zone: ZONE }).toFormat('yyyyLLdd')}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}${n > 1 ? `-${n}` : ''}@permanentie`;
  });
}

/**
 * SEQUENCE per event: 0 when the feed first shows a shift, one more each time its times differ from
 * what the feed last said (whatever moved them: a rota edit, a swap, new office hours). Two fetches
 * at once raise it at most once (the update only applies when the stored times differ).
 */
export async function icalSequences(
  db: Kysely<Database>,
  uids: string[],
  shifts: IcalShift[],
  now: Date,
): Promise<Map<string, { sequence: number; changedAt: Date }>> {
  await db
    .deleteFrom('ical_events')
    .where('ends_at', '<', new Date(now.getTime() - KEEP_DAYS * 86_400_000))
    .execute();
  if (uids.length === 0) return new Map();
  await db
    .insertInto('ical_events')
    .values(
      shifts.map((s, i) => ({
        uid: uids[i]!,
        starts_at: new Date(s.start),
        ends_at: new Date(s.end),
        changed_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('uid')
        .doUpdateSet((eb) => ({
          starts_at: eb.ref('excluded.starts_at'),
          ends_at: eb.ref('excluded.ends_at'),
          changed_at: eb.ref('excluded.changed_at'),
          sequence: sql<number>`ical_events.sequence + 1`,
        }))
        .where((eb) =>
          eb.or([
            eb('ical_events.starts_at', '<>', eb.ref('excluded.starts_at')),
            eb('ical_events.ends_at', '<>', eb.ref('excluded.ends_at')),
          ]),
        ),
    )
    .execute();
  const rows = await db
    .selectFrom('ical_events')
    .select(['uid', 'sequence', 'changed_at'])
    .where('uid', 'in', uids)
    .execute();
  return new Map(rows.map((r) => [r.uid, { sequence: r.sequence, changedAt: new Date(r.changed_at) }]));
}

/** A wall-clock time that Brussels shows twice (the October change) or never (March): not writable with TZID. */
function ambiguousInBrussels(iso: string): boolean {
  const t = DateTime.fromISO(iso, { zone: ZONE });
  const again = DateTime.fromObject(
    { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second },
    { zone: ZONE },
  );
  return (
    again.toMillis() !== t.toMillis() ||
    t.offset !== t.minus({ hours: 1 }).offset ||
    t.offset !== t.plus({ hours: 1 }).offset
  );
}

/**
 * The feed. Times are written in Brussels wall-clock time with TZID=Europe/Brussels and the zone's
 * VTIMEZONE block (timezones-ical-library), so every calendar shows the desk's hours whatever the
 * phone's own zone; a shift that starts or ends in the hour around a DST change is written in UTC,
 * where a wall-clock time could mean two instants.
 */
export function buildIcal(
  shifts: IcalShift[],
  uids: string[],
  sequences: Map<string, { sequence: number; changedAt: Date }>,
  now: Date,
): string {
  const cal = ical({
    prodId: '//Permanentie//Rooster//NL',
    name: 'Permanentie rooster',
    method: ICalCalendarMethod.PUBLISH,
    ttl: ICAL_REFRESH_SECONDS,
    x: { 'X-WR-TIMEZONE': ZONE },
    // No calendar-wide zone: each event names its own, and the generator writes a VTIMEZONE for each named.
    timezone: { name: null, generator: (zone: string) => tzlib_get_ical_block(zone)[0] ?? null },
  });
  shifts.forEach((s, i) => {
    const uid = uids[i]!;
    const version = sequences.get(uid);
    const inUtc = ambiguousInBrussels(s.start) || ambiguousInBrussels(s.end);
    cal.createEvent({
      id: uid,
      summary: SLOT_NL[s.slot],
      sequence: version?.sequence ?? 0,
      stamp: now,
      lastModified: version?.changedAt ?? now,
      start: DateTime.fromISO(s.start, { zone: ZONE }),
      end: DateTime.fromISO(s.end, { zone: ZONE }),
      ...(inUtc ? {} : { timezone: ZONE }),
    });
  });
  return cal.toString();
}
