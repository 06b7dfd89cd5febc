// What is open when the rota hands over: the incoming worker sees it in the console and, at the start
// of a primary shift, gets the short version by SMS (once: the dedupe key is the shift's start).
import { nightBounds, nightOf } from '../../shared/rules/night';
import { onDuty, shiftsOf } from '../../shared/rules/rota';
import { DEFAULT_STALE_HOURS } from '../capacity/board';
import { repeat } from '../repeat';
import { regionSettings } from '../region/settings';
import { loadRota } from '../roster/roster.queries';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';

const iso = (d: Date | string) => new Date(d).toISOString();
/** A shift that started this recently still gets its handover SMS (the round runs every minute). */
const HANDOVER_SMS_WINDOW_MS = 15 * 60_000;

/**
 * What is open for one region's desk. A hold belongs to the desk whose intake it was made for (a hold this desk
 * made on a neighbour's place is this desk's to follow: its countdown, arrival or release; the neighbour sees the
 * place taken on its own board), else, for a board hold without an intake, to the region of the place. A missed
 * call belongs to the region whose number was called, an open handoff to the desk that recorded its intake (that
 * desk placed the person and chases the OCMW, wherever the OCMW lies), a partner hotel to its place's region.
 */
export async function shiftSummary(services: Services, region: string) {
  const { db, clock } = services;
  const now = clock.now();
  const night = nightOf(now);
  const { start } = nightBounds(night);
  const stale = (await regionSettings(db, region)).board?.staleAfterHours ?? DEFAULT_STALE_HOURS;
  const holdsOfRegion = () =>
    db
      .selectFrom('holds')
      .innerJoin('places', 'places.id', 'holds.place_id')
      // intakes.hold_id is unique: at most one intake per hold.
      .leftJoin('intakes', 'intakes.hold_id', 'holds.id')
      .where((eb) => eb(eb.fn.coalesce('intakes.region_code', 'places.region_code'), '=', region));
  const [holds, placed, missed, handoffs, hotels] = await Promise.all([
    holdsOfRegion()
      .select(['holds.id', 'holds.initials', 'holds.expires_at', 'places.name'])
      .where('holds.status', '=', 'held')
      .orderBy('holds.expires_at')
      .execute(),
    holdsOfRegion()
      .select(['holds.id', 'holds.initials', 'holds.placed_at', 'places.name'])
      .where('holds.status', '=', 'placed')
      .where('holds.placed_at', '>=', start.toJSDate())
      .orderBy('holds.placed_at')
      .execute(),
    db
      .selectFrom('alarms')
      .innerJoin('calls', 'calls.id', 'alarms.call_id')
      .select(['calls.id', 'calls.from_number', 'calls.caller_name', 'calls.started_at'])
      .where('alarms.called_back_at', 'is', null)
      .where('calls.region_code', '=', region)
      .orderBy('calls.started_at')
      .execute(),
    db
      .selectFrom('handoffs')
      .innerJoin('intakes', 'intakes.id', 'handoffs.intake_id')
      .innerJoin('municipalities', 'municipalities.nis', 'handoffs.ocmw_nis')
      .select(['handoffs.id', 'handoffs.due_at', 'municipalities.name'])
      .where('handoffs.status', '=', 'open')
      .where('intakes.region_code', '=', region)
      .orderBy('handoffs.due_at')
      .execute(),
    db
      .selectFrom('places')
      .leftJoin('hotel_counts', (j) =>
        j.onRef('hotel_counts.place_id', '=', 'places.id').on('hotel_counts.night', '=', night),
      )
      .select(['places.id', 'places.name', 'hotel_counts.confirmed_at'])
      .where('places.type', '=', 'hotel')
      .where('places.active', '=', true)
      .where('places.region_code', '=', region)
      .execute(),
  ]);
  return {
    at: now.toISOString(),
    night,
    holds: holds.map((h) => ({ id: h.id, initials: h.initials, place: h.name, expiresAt: iso(h.expires_at) })),
    placedTonight: placed.map((h) => ({ id: h.id, initials: h.initials, place: h.name, placedAt: iso(h.placed_at!) })),
    missedCalls: missed.map((c) => ({
      callId: c.id,
      from: c.from_number,
      callerName: c.caller_name,
      at: iso(c.started_at),
    })),
    handoffsOpen: handoffs.map((h) => ({
      id: h.id,
      ocmw: h.name,
      dueAt: iso(h.due_at),
      overdue: new Date(h.due_at) <= now,
    })),
    staleHotels: hotels
      .filter((h) => !h.confirmed_at || now.getTime() - new Date(h.confirmed_at).getTime() > stale * 3_600_000)
      .map((h) => ({ placeId: h.id, name: h.name, confirmedAt: h.confirmed_at ? iso(h.confirmed_at) : null })),
  };
}

export type ShiftSummary = Awaited<ReturnType<typeof shiftSummary>>;

export function summaryText(s: ShiftSummary): string {
  const parts = [
    `${s.holds.length} vastgehouden`,
    `${s.placedTonight.length} geplaatst vannacht`,
    `${s.missedCalls.length} terug te bellen`,
    `${s.handoffsOpen.length} overdrachten niet bevestigd`,
    `${s.staleHotels.length} hotels zonder recente telling`,
  ];
  return `Permanentie: je dienst begint. Open: ${parts.join(', ')}.`;
}

/** At the start of a primary shift, the incoming worker of each region gets that region's summary by SMS. */
export async function sendHandoverSms(services: Services): Promise<number> {
  let sent = 0;
  for (const { code } of await services.db
    .selectFrom('regions')
    .select('code')
    .orderBy('position')
    .orderBy('code')
    .execute())
    sent += await sendRegionHandoverSms(services, code);
  return sent;
}

async function sendRegionHandoverSms(services: Services, region: string): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  const rota = await loadRota(db, region);
  const primary = onDuty(rota, now).primary;
  if (!primary) return 0;
  const shift = shiftsOf(rota, primary.userId, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 1)).find(
    (s) =>
      Date.parse(s.start) > now.getTime() - HANDOVER_SMS_WINDOW_MS &&
      Date.parse(s.start) <= now.getTime() &&
      s.slot === 'primary',
  );
  if (!shift) return 0;
  const user = await db.selectFrom('users').select(['id', 'phone']).where('id', '=', primary.userId).executeTakeFirst();
  if (!user?.phone) return 0;
  const body = summaryText(await shiftSummary(services, region));
  return (await enqueueSms(db, now, {
    to: user.phone,
    body,
    kind: 'handover',
    region,
    dedupeKey: `handover:${user.id}:${shift.start}`,
  }))
    ? 1
    : 0;
}

/** @public */
export const startHandoverSms = (services: Services, everyMs = 60_000) =>
  repeat(services, everyMs, 'handover SMS', () => sendHandoverSms(services));
