// Webhooks that arrive while the database does not answer are still answered (from memory), and
// journalled here: in memory and appended to $DATA_DIR/webhook-journal.jsonl, so neither a database
// restart nor this process dying loses them. Once the database answers again they are replayed in
// order through the same handlers, with the clock set to when they arrived. Replaying more than
// needed is harmless: every call-log step is idempotent (unique call SIDs, legs per step, alarms per
// call, status in SequenceNumber order); so a webhook is journalled whenever a step failed or its
// call log had not been written two seconds after the answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../services';

/** @public */
export interface JournalEntry {
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  at: string;
  /** Replays that failed while the database answered (absent: none yet). */
  tries?: number;
}
export interface ParkedEntry {
  path: string;
  sid: string | null;
  at: string;
  tries: number;
  reason: string;
  parkedAt: string;
}

/**
 * Replays an entry may fail while the database answers before it is parked and the journal moves on.
 * @public
 */
export const MAX_TRIES = 5;
const PARKED_FILE = 'webhook-journal-parked.jsonl';

const tracking = new AsyncLocalStorage<{ failed: boolean; reason: string | null }>();
// One file per instance (pid + random: several instances may share DATA_DIR); an instance adopts the
// files of instances that died (kill -9, crash) so their journalled webhooks are still replayed.
const FILE_PATTERN = /^webhook-journal-(\d+)-[0-9a-f]+\.jsonl$/;
/** Far more than a night of calls; beyond it the oldest entries go (and are logged). */
const MAX_ENTRIES = 5000;

/**
 * Called where a database step of a webhook failed (and the webhook answered anyway).
 * @public
 */
export function markDatabaseFailure(err?: unknown): void {
  const store = tracking.getStore();
  if (!store) return;
  store.failed = true;
  store.reason ??= reasonOf(err);
}

/** Why a step failed, without what it carried (an SQL error's parameters may hold a number or a text). */
function reasonOf(err: unknown): string | null {
  if (!err) return null;
  const e = err as { name?: string; code?: string; message?: string };
  const code = typeof e.code === 'string' ? ` ${e.code}` : '';
  return `${e.name ?? 'Error'}${code}`;
}

export async function tracked<T>(
  work: () => Promise<T> | T,
): Promise<{ result: T; failed: () => boolean; reason: () => string | null }> {
  const store = { failed: false, reason: null as string | null };
  const result = await tracking.run(store, async () => work());
  return { result, failed: () => store.failed, reason: () => store.reason };
}

/** @public */
export class WebhookJournal {
  private entries: JournalEntry[] = [];
  private replaying = false;
  private readonly file: string;
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = join(dir, `webhook-journal-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`);
    for (const name of readdirSync(dir)) {
      const pid = FILE_PATTERN.exec(name)?.[1];
      if (!pid || isAlive(Number(pid))) continue;
      const path = join(dir, name);
      this.entries.push(...readEntries(path));
      unlinkSync(path);
    }
    this.entries.sort((a, b) => a.at.localeCompare(b.at));
    if (this.entries.length) this.persist();
  }

  private persist(): void {
    try {
      writeFileSync(this.file, this.entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
    } catch {
      /* retried with the next replay */
    }
  }

  get size(): number {
    return this.entries.length;
  }

  add(services: Services, entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) {
      const dropped = this.entries.shift();
      services.logger.error(
        { droppedPath: dropped?.path, callSid: dropped?.params.CallSid ?? dropped?.params.MessageSid },
        'webhook journal full: oldest entry dropped',
      );
    }
    try {
      appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 }); /* callers and texts: owner only */
    } catch (err) {
      services.logger.error({ err }, 'webhook journal not written to disk');
    }
    services.logger.warn(
      { path: entry.path, sid: entry.params.CallSid ?? entry.params.MessageSid },
      'database step failed: webhook journalled for replay',
    );
  }

  /**
   * Replays in order. An entry that fails while the database answers is tried again at the next round;
   * after MAX_TRIES such failures it is parked (with its reason, for the admin) and the journal goes on,
   * so one webhook that can never be written does not hold back every one after it.
   */
  async replay(
    services: Services,
    apply: (entry: JournalEntry, services: Services) => Promise<{ ok: boolean; reason: string | null }>,
  ): Promise<number> {
    if (this.replaying || this.entries.length === 0 || !(await services.ping(1500))) return 0;
    this.replaying = true;
    let done = 0;
    try {
      while (this.entries.length) {
        const entry = this.entries[0]!;
        const at = new Date(entry.at);
        const outcome = await apply(entry, { ...services, clock: { now: () => at } }).catch((err: unknown) => ({
          ok: false,
          reason: reasonOf(err),
        }));
        if (outcome.ok) {
          this.entries.shift();
          done++;
          continue;
        }
        if (!(await services.ping(1500))) break; // the database went away again: not the entry's fault
        entry.tries = (entry.tries ?? 0) + 1;
        if (entry.tries < MAX_TRIES) break;
        this.park(services, this.entries.shift()!, outcome.reason ?? 'the step failed');
      }
    } finally {
      this.replaying = false;
      this.persist();
    }
    if (done)
      services.logger.info(
        { replayed: done, left: this.entries.length },
        'journalled webhooks written to the database',
      );
    return done;
  }

  private park(services: Services, entry: JournalEntry, reason: string): void {
    const sid = entry.params.CallSid ?? entry.params.MessageSid ?? null;
    const parked: ParkedEntry = {
      path: entry.path,
      sid,
      at: entry.at,
      tries: entry.tries ?? 0,
      reason,
      parkedAt: new Date().toISOString(),
    };
    // The parked file keeps the whole entry (it may be replayed by hand once the cause is fixed); the
    // admin's view and the log get only what identifies it.
    try {
      appendFileSync(join(this.dir, PARKED_FILE), `${JSON.stringify({ ...parked, entry })}\n`, { mode: 0o600 });
    } catch {
      /* the log line below still tells */
    }
    services.logger.error(
      { path: entry.path, sid, tries: entry.tries ?? 0, reason },
      'webhook could not be written after repeated tries: parked',
    );
  }

  /** Entries that were given up on, newest first, without their parameters. */
  parked(limit = 100): ParkedEntry[] {
    const file = join(this.dir, PARKED_FILE);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          const { path, sid, at, tries, reason, parkedAt } = JSON.parse(line) as ParkedEntry;
          return [{ path, sid, at, tries, reason, parkedAt }];
        } catch {
          return [];
        }
      })
      .reverse()
      .slice(0, limit);
  }
}

function readEntries(path: string): JournalEntry[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as JournalEntry];
      } catch {
        return [];
      } // a torn last line after a crash
    });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
