// The handoffs' background round, run every minute by every instance. Each message is claimed by a
// conditional UPDATE ... RETURNING in the transaction that queues it, so with two instances it goes once:
//  - escalation: not acknowledged `escalateAfterHours` (of the OCMW's region) after it fell due -> one SMS
//    per OCMW, with the count, to its contact and the coordinator on call;
//  - morning digest: when an OCMW is open, its handoffs that fell due and were not yet in a digest
//    -> one SMS with the count and the link (the printable list is the console's queue).
import { firstRegion } from '../region/scope';
import { DateTime } from 'luxon';
import { onDuty } from '../../shared/rules/rota';
import { isOpen } from '../../shared/rules/office-hours';
import type { Calendar } from '../../shared/rules/calendar-schema';
import { repeat } from '../repeat';
import { loadRota } from '../roster/roster.queries';
import { regionContext } from '../intake/region-context';
import { announceHandoffs } from './open';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The region a text about these handoffs belongs to: their intakes' region when they share one; cases of two
 * regions in one text (one OCMW, cases from both desks): none, so both desks list it.
 */
async function casesRegion(db: Kysely<Database> | Transaction<Database>, handoffIds: string[]) {
  const rows = await db
    .selectFrom('handoffs')
    .innerJoin('intakes', 'intakes.id', 'handoffs.intake_id')
    .select('intakes.region_code')
    .distinct()
    .where('handoffs.id', 'in', handoffIds)
    .execute();
  return rows.length === 1 ? rows[0]!.region_code : null;
}

const hhmm = (d: Date) =>
  DateTime.fromJSDate(d, { zone: 'Europe/Brussels' }).toFormat('ccc d/L HH:mm', { locale: 'nl-BE' });

export async function escalateLateHandoffs(services: Services): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  // Each OCMW's handoffs are late after the delay of the region that serves it (issue 15: each region has
  // its own `escalateAfterHours`); so every OCMW with a handoff past due is looked at, and its own limit claims.
  const late = await db
    .selectFrom('handoffs')
    .select((eb) => ['ocmw_nis', eb.fn.min('due_at').as('oldest')])
    .where('status', '=', 'open')
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .groupBy('ocmw_nis')
    .execute();
  if (late.length === 0) return 0;
  const limits = new Map<string | null, Date>();
  const limitOf = async (region: string | null) => {
    if (!limits.has(region)) {
      const { escalateAfterHours } = await regionContext(db, region);
      limits.set(region, new Date(now.getTime() - escalateAfterHours * 3_600_000));
    }
    return limits.get(region)!;
  };
  // The coordinator on call of the OCMW's region hears about it; an OCMW outside the regions: the first region's.
  const first = await firstRegion(db);
  const coordinators = new Map<string, { id: string; phone: string | null } | undefined>();
  const coordinatorOf = async (region: string | null) => {
    if (!region) return undefined;
    if (!coordinators.has(region)) {
      const coordinatorId = onDuty(await loadRota(db, region), now).coordinator?.userId;
      coordinators.set(
        region,
        coordinatorId
          ? await db.selectFrom('users').select(['id', 'phone']).where('id', '=', coordinatorId).executeTakeFirst()
          : undefined,
      );
    }
    return coordinators.get(region);
  };
  let count = 0;
  for (const { ocmw_nis, oldest } of late) {
    const own = await db
      .selectFrom('municipalities')
      .select('region_code')
      .where('nis', '=', ocmw_nis)
      .executeTakeFirst();
    const region = own?.region_code ?? first;
    const limit = await limitOf(region);
    if (new Date(oldest) > limit) continue; // past due, not yet late for its region: no transaction for it
    const ids = await escalateOcmw(services, ocmw_nis, limit, await coordinatorOf(region));
    count += ids.length;
    for (const id of ids) await announceHandoffs(services, id);
  }
  return count;
}

/**
 * One OCMW's late handoffs, claimed together: one text with the count to its contact and one to the
 * coordinator on call (a night of five placements used to send five identical texts to each).
 */
async function escalateOcmw(
  services: Services,
  nis: string,
  limit: Date,
  coordinator: { id: string; phone: string | null } | undefined,
): Promise<string[]> {
  const { db, clock, config } = services;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('handoffs')
      .set({ escalated_at: now })
      .where('ocmw_nis', '=', nis)
      .where('status', '=', 'open')
      .where('escalated_at', 'is', null)
      .where('due_at', '<=', limit)
      .returning(['id', 'due_at'])
      .execute();
    if (claimed.length === 0) return []; // acknowledged meanwhile, or another instance took them
    const ocmw = await trx
      .selectFrom('ocmws')
      .select(['name', 'contact_mobile'])
      .where('municipality_nis', '=', nis)
      .executeTakeFirstOrThrow();
    const n = claimed.length;
    const oldest = new Date(Math.min(...claimed.map((c) => new Date(c.due_at).getTime())));
    const what =
      n === 1
        ? `1 overdracht voor ${ocmw.name}, verwacht ${hhmm(oldest)}, is`
        : `${n} overdrachten voor ${ocmw.name}, de oudste verwacht ${hhmm(oldest)}, zijn`;
    const body = `Permanentie: ${what} nog niet bevestigd. ${config.publicUrl}/overdrachten`;
    const to = [
      ocmw.contact_mobile && { to: ocmw.contact_mobile, who: 'ocmw' },
      coordinator?.phone && { to: coordinator.phone, who: coordinator.id },
    ].filter(Boolean) as { to: string; who: string }[];
    const key = `${[...claimed.map((c) => c.id)].sort()[0]}+${n}`;
    const region = await casesRegion(
      trx,
      claimed.map((c) => c.id),
    );
    for (const r of to)
      await enqueueSms(trx, now, {
        to: r.to,
        body,
        kind: 'escalation',
        dedupeKey: `escalation:${key}:${r.who}`,
        region,
      });
    await trx
      .insertInto('handoff_events')
      .values(
        claimed.map((h) => ({
          handoff_id: h.id,
          at: now,
          user_id: null,
          kind: 'escalated' as const,
          ocmw_nis: nis,
          detail: JSON.stringify({ sms: to.length, count: n }),
        })),
      )
      .execute();
    return claimed.map((c) => c.id);
  });
}

export async function sendMorningDigests(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  const pending = await db
    .selectFrom('handoffs')
    .innerJoin('ocmws', 'ocmws.municipality_nis', 'handoffs.ocmw_nis')
    .select(['handoffs.ocmw_nis', 'ocmws.calendar'])
    .distinct()
    .where('handoffs.status', '=', 'open')
    .where('handoffs.digested_at', 'is', null)
    .where('handoffs.due_at', '<=', now)
    .execute();
  let sent = 0;
  for (const o of pending) {
    if (!isOpen(o.calendar as Calendar, now)) continue;
    sent += await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('handoffs')
        .set({ digested_at: now })
        .where('ocmw_nis', '=', o.ocmw_nis)
        .where('status', '=', 'open')
        .where('digested_at', 'is', null)
        .where('due_at', '<=', now)
        .returning('id')
        .execute();
      if (claimed.length === 0) return 0;
      const ocmw = await trx
        .selectFrom('ocmws')
        .select(['name', 'contact_mobile'])
        .where('municipality_nis', '=', o.ocmw_nis)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('handoff_events')
        .values(
          claimed.map((c) => ({
            handoff_id: c.id,
            at: now,
            user_id: null,
            kind: 'digest' as const,
            ocmw_nis: o.ocmw_nis,
            detail: JSON.stringify({ count: claimed.length, sms: Boolean(ocmw.contact_mobile) }),
          })),
        )
        .execute();
      if (!ocmw.contact_mobile) return 0;
      const n = claimed.length;
      const body = `Permanentie: ${n} nieuwe overdracht${n === 1 ? '' : 'en'} voor ${ocmw.name} van de voorbije nacht(en). Bekijk en bevestig: ${config.publicUrl}/overdrachten`;
      const queued = await enqueueSms(trx, now, {
        to: ocmw.contact_mobile,
        body,
        kind: 'digest',
        region: await casesRegion(
          trx,
          claimed.map((c) => c.id),
        ),
        dedupeKey: `digest:${o.ocmw_nis}:${claimed.map((c) => c.id).sort()[0]}`,
      });
      return queued ? 1 : 0;
    });
  }
  return sent;
}

/** @public */
export const startHandoffRounds = (services: Services, everyMs = 60_000) =>
  repeat(services, everyMs, 'handoff escalations and digests', async () => {
    await sendMorningDigests(services);
    await escalateLateHandoffs(services);
  });
