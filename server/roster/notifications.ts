// The rota's SMS, through the outbox: a reminder to whoever starts a shift within the region's
// `shiftReminderMinutes`, and the coordinator on call (every coordinator if none) hears about a gap
// in the coming night from the region's `gapAlertTime` on. Dedupe keys make each message go once,
// however many instances run this every minute.
import { DateTime } from 'luxon';
import { dueNightGapAlerts, onDuty, shiftsOf, type Rota, type Shift } from '../../shared/rules/rota';
import { repeat } from '../repeat';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';
import { regionSettings } from '../region/settings';
import { loadRota } from './roster.queries';

const SLOT_NL = {
  primary: 'permanentie (eerste lijn)',
  backup: 'back-up',
  coordinator: 'coördinator van wacht',
} as const;
const local = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'Europe/Brussels' }).setLocale('nl-BE').toFormat('ccc d LLL HH:mm');

export async function sendRotaNotifications(services: Services): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  let sent = 0;
  // Each region's rota reminds its own staff.
  for (const { code } of await db.selectFrom('regions').select('code').orderBy('position').orderBy('code').execute()) {
    sent += await remindRegion(services, code, now);
  }
  return sent;
}

async function remindRegion(services: Services, region: string, now: Date): Promise<number> {
  const { db } = services;
  const [rota, settings, staff] = await Promise.all([
    loadRota(db, region),
    regionSettings(db, region),
    db
      .selectFrom('users')
      .innerJoin('user_regions', 'user_regions.user_id', 'users.id')
      .select(['users.id as id', 'users.phone as phone', 'users.role as role'])
      .where('user_regions.region_code', '=', region)
      .where('users.active', '=', true)
      .where('users.role', '!=', 'ocmw_staff')
      .execute(),
  ]);
  const leadMinutes = settings.rota?.shiftReminderMinutes ?? 60;
  let sent = 0;
  for (const person of staff) {
    if (!person.phone) continue;
    for (const shift of upcomingStarts(rota, person.id, now, leadMinutes)) {
      const body = `Permanentie: je dienst als ${SLOT_NL[shift.slot]} begint ${local(shift.start)} (tot ${local(shift.end)}).`;
      if (
        await enqueueSms(db, now, {
          to: person.phone,
          body,
          kind: 'reminder',
          region,
          dedupeKey: `reminder:${person.id}:${shift.slot}:${shift.start}`,
        })
      )
        sent++;
    }
  }
  for (const alert of dueNightGapAlerts(rota, now, settings.rota?.gapAlertTime ?? '14:00')) {
    const to = leadsToAlert(rota, staff, now);
    const spans = alert.gaps
      .map((g) => `${local(g.start)}–${DateTime.fromISO(g.end, { zone: 'Europe/Brussels' }).toFormat('HH:mm')}`)
      .join(', ');
    for (const lead of to) {
      const body = `Permanentie: GAT in het rooster vannacht, niemand op de eerste lijn: ${spans}. Zoek een vervanger.`;
      if (
        await enqueueSms(db, now, {
          to: lead.phone!,
          body,
          kind: 'gap',
          region,
          dedupeKey: `gap:${alert.night.date}:${alert.gaps[0]!.start}:${lead.id}`,
        })
      )
        sent++;
    }
  }
  return sent;
}

interface Staff {
  id: string;
  phone: string | null;
  role: string;
}

/**
 * Who hears about trouble: the coordinator on call, or every coordinator when none is (with a phone).
 * @public
 */
export function leadsToAlert<T extends Staff>(rota: Rota, staff: T[], now: Date): T[] {
  const onCallId = onDuty(rota, now).coordinator?.userId;
  const onCall = staff.filter((s) => s.id === onCallId && s.phone);
  return onCall.length ? onCall : staff.filter((s) => s.role === 'coordinator' && s.phone);
}

// Office hours between two evenings of the same person in the same slot do not end their duty: a
// coordinator on call all week starts once, on Monday, not every weekday evening. Office hours are at
// most 8.5 h; a night of somebody else in between is more than this.
const SAME_DUTY_GAP_MS = 16 * 3_600_000;
const LOOK_MS = 15 * 86_400_000;

/**
 * Duties of `userId` that really start (not merely continue after office hours) within the next
 * `minutes`, each with the end of the whole run: the look-ahead window no longer cuts the shift, so
 * the reminder never says it ends when it starts.
 */
export function upcomingStarts(rota: Rota, userId: string, now: Date, minutes: number) {
  const until = now.getTime() + minutes * 60_000;
  const runs: Shift[] = [];
  for (const s of shiftsOf(rota, userId, new Date(now.getTime() - LOOK_MS), new Date(until + LOOK_MS))) {
    const last = runs.findLast((r) => r.slot === s.slot);
    if (last && Date.parse(s.start) - Date.parse(last.end) < SAME_DUTY_GAP_MS) last.end = s.end;
    else runs.push({ ...s });
  }
  return runs.filter((r) => Date.parse(r.start) > now.getTime() && Date.parse(r.start) <= until);
}

/** @public */
export const startRotaNotifications = (services: Services, everyMs = 60_000) =>
  repeat(services, everyMs, 'rota notifications', () => sendRotaNotifications(services));
