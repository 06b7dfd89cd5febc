// The call log is written in batches, off the answering path: the TwiML is sent first, the call joins
// the queue, and whatever calls arrived meanwhile are written together in one transaction (startCalls),
// one batch at a time, in arrival order. At 100 calls a second a batch holds one or two calls and is
// written within milliseconds; at 2,000 it holds a few hundred, so the database work per call shrinks
// as the load grows instead of queueing up. A batch that fails fails each of its calls: the webhook
// adapter journals them (twilio/journal.ts) and the journal replays them, in order, once the database
// answers, exactly as when one call's write failed before. A batch is announced to the consoles once.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Services } from '../../services';
import { announce, type CallToLog, startCalls } from './calls.store';

/** The most calls one transaction writes; more wait for the next batch. */
export const MAX_BATCH = 500;

interface Waiting {
  call: CallToLog;
  services: Services;
  done: (err?: unknown) => void;
}

class CallLogQueue {
  private waiting: Waiting[] = [];
  private running = false;
  constructor(private readonly db: Kysely<Database>) {}

  add(services: Services, call: CallToLog): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ call, services, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (this.running) return;
      this.running = true;
      // After the calls already in this turn of the event loop, so a burst makes one batch.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          const inserted = await startCalls(
            this.db,
            batch.map((w) => w.call),
          );
          for (const w of batch) w.done();
          announceBatch(batch, inserted);
        } catch (err) {
          for (const w of batch) w.done(err ?? new Error('call log batch failed'));
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * One `call:updated` per batch (per app and region), naming the batch's last new call of that region: the
 * consoles refetch their list on the event whatever id it names, so one event says all of it, where one per
 * call made a burst of hundreds of calls cost hundreds of broadcasts (on PostgreSQL, hundreds of NOTIFYs)
 * right when the line is busiest. Each region's consoles hear only of their own region's calls.
 */
function announceBatch(batch: Waiting[], inserted: { sid: string; id: string; region: string | null }[]): void {
  const servicesOf = new Map(batch.map((w) => [w.call.sid, w.services]));
  const last = new Map<Services, Map<string | null, string>>();
  for (const { sid, id, region } of inserted) {
    const services = servicesOf.get(sid)!;
    const byRegion = last.get(services) ?? new Map<string | null, string>();
    byRegion.set(region, id);
    last.set(services, byRegion);
  }
  for (const [services, byRegion] of last) for (const [region, id] of byRegion) announce(services, id, region);
}

const queues = new WeakMap<Kysely<Database>, CallLogQueue>();

/** Logs a new call with the next batch; resolves once it is written (or was already), rejects if it failed. */
export function logCall(services: Services, call: CallToLog): Promise<void> {
  let queue = queues.get(services.db);
  if (!queue) {
    queue = new CallLogQueue(services.db);
    queues.set(services.db, queue);
  }
  return queue.add(services, call);
}
