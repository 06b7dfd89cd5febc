// What the case shows of the referrer's texts: whether one can go (and if not, why, for the worker
// to act on), and each text with its state and the moment it leaves, so it can be stopped before.
import type { Services } from '../services';
import { REFERRER_KIND, referrerMobile } from './confirmation';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** @public */
export async function referrerSmsOf(services: Services, intake: { id: string; referrer: Record<string, string> }) {
  const mobile = referrerMobile(intake.referrer);
  const rows = await services.db
    .selectFrom('outbox')
    .select(['id', 'body', 'status', 'attempts', 'next_attempt_at', 'created_at', 'sent_at'])
    .where('intake_id', '=', intake.id)
    .where('kind', '=', REFERRER_KIND)
    .orderBy('created_at')
    .execute();
  return {
    canText: mobile.ok,
    why: mobile.ok ? null : mobile.message,
    messages: rows.map((r) => ({
      id: r.id,
      body: r.body,
      status: r.status,
      createdAt: iso(r.created_at),
      sentAt: iso(r.sent_at),
      // Until it is first tried, the worker may still stop it.
      leavesAt: r.status === 'queued' && r.attempts === 0 ? iso(r.next_attempt_at) : null,
    })),
  };
}
