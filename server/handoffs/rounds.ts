// The handoffs' background round, run every minute by every instance. Each message is claimed by a
// conditional UPDATE ... RETURNING in the transaction that queues it, so with two instances it goes once:
//  - escalation: not acknowledged `escalateAfterHours` after it fell due -> SMS to the OCMW contact
//    and the coordinator on call;
//  - morning digest: when an OCMW is open, its handoffs that fell due and were not yet in a digest
//    -> one SMS with the count and the link (the printable list is the console's queue).
import { DateTime } from 'luxon';
import { onDuty } from '../../shared/rules/rota';
import { isOpen } from '../../shared/rules/office-hours';
import type { Calendar } from '../../shared/rules/calendar-schema';
import { repeat } from '../repeat';
import { loadRota } from '../roster/roster.queries';
import { regionContext } from '../intake/region-context';
import { announceHandoffs } from '../intake/intake.commands';
import type { Services } from '../services';
import { enqueueSms } from '../telephony/outbox/enqueue';

const hhmm = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Brussels' }).toFormat('ccc d/L HH:mm', { locale: 'nl-BE' });

export async function escalateLateHandoffs(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  const { escalateAfterHours } = await regionContext(db);
  const limit = new Date(now.getTime() - escalateAfterHours * 3_600_000);
  const late = await db.selectFrom('handoffs').select('id').where('status', '=', 'open').where('escalated_at', 'is', null)
    .where('due_at', '<=', limit).execute();
  if (late.length === 0) return 0;
  const rota = await loadRota(db);
  const coordinatorId = onDuty(rota, now).coordinator?.userId;
  const coordinator = coordinatorId ? await db.selectFrom('users').select(['id', 'phone']).where('id', '=', coordinatorId).executeTakeFirst() : undefined;
  let count = 0;
  for (const { id } of late) {
    const done = await db.transaction().execute(async (trx) => {
      const h = await trx.updateTable('handoffs').set({ escalated_at: now }).where('id', '=', id).where('status', '=', 'open')
        .where('escalated_at', 'is', null).returning(['id', 'ocmw_nis', 'due_at']).executeTakeFirst();
      if (!h) return false; // acknowledged meanwhile, or another instance took it
      const ocmw = await trx.selectFrom('ocmws').select(['name', 'contact_mobile']).where('municipality_nis', '=', h.ocmw_nis).executeTakeFirstOrThrow();
      const body = `Permanentie: overdracht voor ${ocmw.name}, verwacht ${hhmm(new Date(h.due_at))}, is nog niet bevestigd. ${config.publicUrl}/overdrachten`;
      const to = [ocmw.contact_mobile && { to: ocmw.contact_mobile, who: 'ocmw' }, coordinator?.phone && { to: coordinator.phone, who: coordinator.id }].filter(Boolean) as { to: string; who: string }[];
      for (const r of to) await enqueueSms(trx, now, { to: r.to, body, kind: 'escalation', dedupeKey: `escalation:${h.id}:${r.who}` });
      await trx.insertInto('handoff_events').values({ handoff_id: h.id, at: now, user_id: null, kind: 'escalated', ocmw_nis: h.ocmw_nis,
        detail: JSON.stringify({ sms: to.length }) }).execute();
      return true;
    });
    if (done) { count++; announceHandoffs(services, id); }
  }
  return count;
}

export async function sendMorningDigests(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  const pending = await db.selectFrom('handoffs').innerJoin('ocmws', 'ocmws.municipality_nis', 'handoffs.ocmw_nis')
    .select(['handoffs.ocmw_nis', 'ocmws.calendar']).distinct()
    .where('handoffs.status', '=', 'open').where('handoffs.digested_at', 'is', null).where('handoffs.due_at', '<=', now).execute();
  let sent = 0;
  for (const o of pending) {
    if (!isOpen(o.calendar as Calendar, now)) continue;
    sent += await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('handoffs').set({ digested_at: now }).where('ocmw_nis', '=', o.ocmw_nis).where('status', '=', 'open')
        .where('digested_at', 'is', null).where('due_at', '<=', now).returning('id').execute();
      if (claimed.length === 0) return 0;
      const ocmw = await trx.selectFrom('ocmws').select(['name', 'contact_mobile']).where('municipality_nis', '=', o.ocmw_nis).executeTakeFirstOrThrow();
      await trx.insertInto('handoff_events').values(claimed.map((c) => ({ handoff_id: c.id, at: now, user_id: null, kind: 'digest' as const, ocmw_nis: o.ocmw_nis,
        detail: JSON.stringify({ count: claimed.length, sms: Boolean(ocmw.contact_mobile) }) }))).execute();
      if (!ocmw.contact_mobile) return 0;
      const n = claimed.length;
      const body = `Permanentie: ${n} nieuwe overdracht${n === 1 ? '' : 'en'} voor ${ocmw.name} van de voorbije nacht(en). Bekijk en bevestig: ${config.publicUrl}/overdrachten`;
      const queued = await enqueueSms(trx, now, { to: ocmw.contact_mobile, body, kind: 'digest', dedupeKey: `digest:${o.ocmw_nis}:${claimed.map((c) => c.id).sort()[0]}` });
      return queued ? 1 : 0;
    });
  }
  return sent;
}

export const startHandoffRounds = (services: Services, everyMs = 60_000) =>
  repeat(services, everyMs, 'handoff escalations and digests', async () => {
    await sendMorningDigests(services);
    await escalateLateHandoffs(services);
  });
