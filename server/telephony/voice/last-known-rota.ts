// The rota as last read from the database, in memory and on disk, so the line still rings the right
// person when PostgreSQL is unreachable (or the server restarts without it). Refreshed on every call
// and every minute; written atomically (temp file + rename) so a crash never leaves half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { onDuty, type Rota } from '../../../shared/rules/rota';
import type { ChainStep, Database } from '../../db/schema';
import { regionSettings } from '../../region/settings';
import { loadRota } from '../../roster/roster.queries';
import { chainFor, type StaffEntry } from './chain';

export interface RotaSnapshot {
  savedAt: string;
  rota: Rota;
  staff: Record<string, StaffEntry>;
  dayNumber: string | null;
  /** Known numbers (police, hospitals, services) to their names, for screening. */
  directory: Record<string, string>;
}

export interface CallPlan {
  outOfHours: boolean;
  chain: ChainStep[];
  callerName: string | null;
  /** Where the answer came from: 'database' normally, 'last-known' when the database did not answer. */
  source: 'database' | 'last-known';
}

export async function readSnapshot(db: Kysely<Database>, at: Date): Promise<RotaSnapshot> {
  const [rota, settings, users, directory] = await Promise.all([
    loadRota(db),
    regionSettings(db),
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'phone'])
      .where('role', '!=', 'ocmw_staff')
      .where('active', '=', true)
      .execute(),
    db.selectFrom('directory').select(['number', 'name']).execute(),
  ]);
  return {
    savedAt: at.toISOString(),
    rota,
    dayNumber: settings.dayNumber ?? null,
    staff: Object.fromEntries(users.map((u) => [u.id, { name: u.display_name, phone: u.phone }])),
    directory: Object.fromEntries(directory.map((d) => [d.number, d.name])),
  };
}

/** A snapshot younger than this is used as is; older, the line reads the database first. */
export const FRESH_MS = 120_000;

export class LastKnownRota {
  private current: RotaSnapshot | null = null;
  private readAt = -Infinity;
  private cached: {
    key: string;
    validUntil: number;
    plan: Omit<CallPlan, 'callerName'>;
    /** The TwiML built for this plan, per line and caller name (see answer). */
    answers: Map<string, string>;
  } | null = null;
  private writing: Promise<void> = Promise.resolve();
  constructor(private readonly file: string | null) {}

  get snapshot(): RotaSnapshot | null {
    return this.current;
  }

  /** The snapshot when it was read from the database less than FRESH_MS ago (process time, not the test clock). */
  fresh(): RotaSnapshot | null {
    return this.current && performance.now() - this.readAt < FRESH_MS ? this.current : null;
  }

  /**
   * Who to ring at `at`. The answer is cached until the next handover or the next whole minute
   * (office-hours edges are whole minutes), whichever comes first: 200 calls at once cost one onDuty.
   */
  plan(at: Date, from: string | null, source: CallPlan['source']): CallPlan | null {
    const s = this.current;
    if (!s) return null;
    const t = at.getTime();
    const key = s.savedAt;
    if (!this.cached || this.cached.key !== key || t >= this.cached.validUntil || t < this.cached.validUntil - 60_000) {
      const duty = onDuty(s.rota, at);
      const nextMinute = Math.floor(t / 60_000) * 60_000 + 60_000;
      const handover = duty.nextHandover ? Date.parse(duty.nextHandover) : Infinity;
      this.cached = {
        key,
        validUntil: Math.min(nextMinute, handover),
        plan: {
          outOfHours: duty.outOfHours,
          chain: chainFor({ duty, staff: s.staff, dayNumber: s.dayNumber }),
          source,
        },
        answers: new Map(),
      };
    }
    return { ...this.cached.plan, source, callerName: (from && s.directory[from]) || null };
  }

  /**
   * The plan for a call at `at` and the TwiML that answers it, built by `build` once per plan, line and
   * caller name (a known number's name, or none): every other call until the next handover or whole minute
   * gets the same string from memory.
   */
  answer(
    at: Date,
    from: string | null,
    source: CallPlan['source'],
    line: string,
    build: (plan: CallPlan) => string,
  ): { plan: CallPlan; twiml: string } | null {
    const plan = this.plan(at, from, source);
    if (!plan) return null;
    const answers = this.cached!.answers;
    const key = `${line}\n${plan.callerName ?? ''}`;
    let twiml = answers.get(key);
    if (twiml === undefined) {
      twiml = build(plan);
      if (answers.size < 1000) answers.set(key, twiml); // lines x (directory names + unknown): small
    }
    return { plan, twiml };
  }

  /**
   * Computes the plan for `at` ahead of the calls (keep-fresh runs it at each edge) and says until when it
   * holds: the next handover or whole minute, as `plan` decides. Null when nothing is known yet.
   */
  prepare(at: Date): number | null {
    return this.plan(at, null, 'database') ? this.cached!.validUntil : null;
  }

  async loadFromDisk(): Promise<void> {
    if (!this.file || this.current) return;
    try {
      this.current = JSON.parse(await readFile(this.file, 'utf8')) as RotaSnapshot;
    } catch {
      /* no file yet: the first successful read writes it */
    }
  }

  remember(s: RotaSnapshot): Promise<void> {
    this.current = s;
    this.readAt = performance.now();
    this.cached = null;
    const file = this.file;
    if (!file) return Promise.resolve();
    // Writes are chained so an older snapshot never lands after a newer one.
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(file), { recursive: true, mode: 0o700 });
        await writeFile(`${file}.tmp`, JSON.stringify(s), { mode: 0o600 }); // names and phone numbers: owner only
        await rename(`${file}.tmp`, file);
      })
      .catch(() => {
        /* the memory copy still serves; the next refresh tries the disk again */
      });
    return this.writing;
  }
}
