// Sends what is in the outbox. A row is claimed (queued -> sending) in a transaction with
// FOR UPDATE SKIP LOCKED, so two instances never take the same row, and sent outside it.
// Exactly once in practice: the status callback URL carries the row's id, so when Twilio accepted a
// message but this process died before recording it, the callback still records its sid; a row left
// in 'sending' is only sent again after STUCK_MS and only when no callback ever named it.
import type { Updateable } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import type { Services } from '../../services';
import { TwilioRestError, twilioRequest } from '../twilio/rest';
import { announceOutbox } from './enqueue';

/**
 * Resends after a temporary delivery failure reported by Twilio's status callback (status.ts).
 * @public
 */
export const MAX_ATTEMPTS = 8;
/** Default for OUTBOX_STUCK_SECONDS. */
export const STUCK_MS = 120_000;
/** Twilio down for a stretch is retried (every 10 minutes at most) until the message is a day old: a night's alarm is useless after that. */
export const MAX_AGE_MS = 24 * 3_600_000;
const BATCH = 10;

/**
 * 15 s, 30 s, 1 min, ... capped at 10 minutes.
 * @public
 */
export const backoffMs = (attempts: number) => Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 600_000);

const announce = announceOutbox;

export async function processOutboxOnce(services: Services): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  await recoverInterrupted(services, now);
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .orderBy('created_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returning(['id', 'to_number', 'body', 'attempts', 'created_at', 'region_code'])
      .execute();
  });
  for (const row of claimed) await sendOne(services, row);
  return claimed.length;
}

/**
 * Rows left in 'sending' (the sender died mid-request) with no callback naming them. Before sending
 * again, ask Twilio whether it has the message already (same To, From and body, created since the
 * claim, a sid no other row has): if so it is recorded as sent, not sent twice. Twilio unreachable:
 * leave the row for the next round.
 */
async function recoverInterrupted(services: Services, now: Date): Promise<void> {
  const { db, config } = services;
  const stuck = await db
    .selectFrom('outbox')
    .select(['id', 'to_number', 'body', 'updated_at'])
    .where('status', '=', 'sending')
    .where('message_sid', 'is', null)
    .where('updated_at', '<', new Date(now.getTime() - (config.outboxStuckMs ?? STUCK_MS)))
    .limit(BATCH)
    .execute();
  for (const row of stuck) {
    let sid: string | null = null;
    if (!config.twilio.sandbox && config.twilio.phoneNumber) {
      try {
        sid = await sentCopy(services, row);
      } catch {
        continue;
      }
    }
    await db
      .updateTable('outbox')
      .set(
        sid
          ? { status: 'sent', message_sid: sid, sent_at: now, updated_at: now, last_error: null }
          : { status: 'queued', updated_at: now, last_error: 'requeued: the send was interrupted' },
      )
      .where('id', '=', row.id)
      .where('status', '=', 'sending')
      .where('message_sid', 'is', null)
      .execute();
  }
}

async function sentCopy(
  services: Services,
  row: { to_number: string; body: string; updated_at: Date },
): Promise<string | null> {
  const { config, db } = services;
  const claimed = new Date(row.updated_at).getTime();
  const q = new URLSearchParams({
    To: row.to_number,
    From: config.twilio.phoneNumber!,
    'DateSent>': new Date(claimed - 86_400_000).toISOString().slice(0, 10),
    PageSize: '50',
  });
  const page = (await twilioRequest(config.twilio, `/Messages.json?${q}`)) as {
    messages?: { sid: string; body: string; date_created: string }[];
  };
  for (const m of page.messages ?? []) {
    if (m.body !== row.body || Date.parse(m.date_created) < claimed - 60_000) continue;
    const taken = await db.selectFrom('outbox').select('id').where('message_sid', '=', m.sid).executeTakeFirst();
    if (!taken) return m.sid;
  }
  return null;
}

async function sendOne(
  services: Services,
  row: { id: string; to_number: string; body: string; attempts: number; created_at: Date; region_code: string | null },
): Promise<void> {
  const { db, clock, config } = services;
  const done = (set: Updateable<OutboxTable>) =>
    db.updateTable('outbox').set(set).where('id', '=', row.id).where('status', '=', 'sending').execute();
  if (config.twilio.sandbox || !config.twilio.phoneNumber) {
    await done({ status: 'sandbox', updated_at: clock.now() }); // the demo: visible in the console, never sent
    return announce(services, row.id, 'sandbox', row.region_code);
  }
  try {
    const site = config.publicUrl.replace(/\/$/, '');
    const msg = await twilioRequest(config.twilio, '/Messages.json', {
      To: row.to_number,
      From: config.twilio.phoneNumber,
      Body: row.body,
      StatusCallback: `${site}/twilio/sms/status?outbox=${row.id}`,
    });
    const now = clock.now();
    await db
      .updateTable('outbox')
      .set({ status: 'sent', message_sid: String(msg.sid), sent_at: now, updated_at: now, last_error: null })
      .where('id', '=', row.id)
      .where('status', '=', 'sending')
      .execute();
    announce(services, row.id, 'sent', row.region_code);
  } catch (err) {
    const temporary = !(err instanceof TwilioRestError) || err.status >= 500 || err.status === 429;
    const now = clock.now();
    const giveUp = !temporary || now.getTime() - new Date(row.created_at).getTime() > MAX_AGE_MS;
    await done({
      status: giveUp ? 'failed' : 'queued',
      last_error: (err as Error).message.slice(0, 500),
      updated_at: now,
      next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts)),
    });
    services.logger.warn({ err, outboxId: row.id, attempts: row.attempts, giveUp }, 'SMS not sent');
    announce(services, row.id, giveUp ? 'failed' : 'queued', row.region_code);
  }
}

/** @public */
export function startOutboxWorker(services: Services, everyMs = 1000): { stop(): void; kick(): void } {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    const drain = async () => {
      while ((await processOutboxOnce(services)) === BATCH) {
        /* a full batch: more are waiting */
      }
    };
    drain()
      .catch((err) => services.logger.warn({ err }, 'outbox round failed; next round retries'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), kick: run };
}
