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
import { regionForNumber } from '../../region/scope';
import { chainFor, type StaffEntry } from './chain';

/** One region's line: its permanence number (Twilio's `To`), its rota and its day number. */
export interface RegionLine {
  code: string;
  number: string | null;
  rota: Rota;
  dayNumber: string | null;
}

export interface RotaSnapshot {
  savedAt: string;
  /** Every region's line, by code; a call to a number no region claims goes to the first. */
  regions: RegionLine[];
  staff: Record<string, StaffEntry>;
  /** Known numbers (police, hospitals, services) to their names, for screening. */
  directory: Record<string, string>;
}

export interface CallPlan {
  outOfHours: boolean;
  chain: ChainStep[];
  callerName: string | null;
  /** Where the answer came from: 'database' normally, 'last-known' when the database did not answer. */
  source: 'database' | 'last-known';
  /** The region whose line was called (null: no region known yet). */
  region: string | null;
}

export async function readSnapshot(db: Kysely<Database>, at: Date): Promise<RotaSnapshot> {
  const regions = await db.selectFrom('regions').select('code').orderBy('position').orderBy('code').execute();
  const [lines, users, directory] = await Promise.all([
    Promise.all(
      regions.map(async ({ code }): Promise<RegionLine> => {
        const [rota, settings] = await Promise.all([loadRota(db, code), regionSettings(db, code)]);
        return { code, number: settings.permanenceNumber ?? null, rota, dayNumber: settings.dayNumber ?? null };
      }),
    ),
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
    regions: lines,
    staff: Object.fromEntries(users.map((u) => [u.id, { name: u.display_name, phone: u.phone }])),
    directory: Object.fromEntries(directory.map((d) => [d.number, d.name])),
  };
}

/** A snapshot younger than this is used as is; older, the line reads the database first. */
export const FRESH_MS = 120_000;

/** @public */
export class LastKnownRota {
  private current: RotaSnapshot | null = null;
  private readAt = -Infinity;
  /** Per region: the plan until the next handover or whole minute, and the TwiML built for it per caller name. */
  private cached = new Map<
    string,
    { key: string; validUntil: number; plan: Omit<CallPlan, 'callerName'>; answers: Map<string, string> }
  >();
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
  plan(at: Date, from: string | null, source: CallPlan['source'], to: string | null = null): CallPlan | null {
    const s = this.current;
    if (!s) return null;
    const line = this.lineFor(to);
    if (!line) return { outOfHours: true, chain: [], callerName: null, source, region: null };
    const t = at.getTime();
    const key = s.savedAt;
    let cached = this.cached.get(line.code);
    if (!cached || cached.key !== key || t >= cached.validUntil || t < cached.validUntil - 60_000) {
      const duty = onDuty(line.rota, at);
      const nextMinute = Math.floor(t / 60_000) * 60_000 + 60_000;
      const handover = duty.nextHandover ? Date.parse(duty.nextHandover) : Infinity;
      cached = {
        key,
        validUntil: Math.min(nextMinute, handover),
        plan: {
          outOfHours: duty.outOfHours,
          chain: chainFor({ duty, staff: s.staff, dayNumber: line.dayNumber }),
          source,
          region: line.code,
        },
        answers: new Map(),
      };
      this.cached.set(line.code, cached);
    }
    return { ...cached.plan, source, callerName: (from && s.directory[from]) || null };
  }

  /** The line of the region whose permanence number `to` is (the first region's for any other number). */
  lineFor(to: string | null): RegionLine | null {
    const lines = this.current?.regions ?? [];
    const code = regionForNumber(lines, to);
    return lines.find((l) => l.code === code) ?? null;
  }

  /**
   * The plan for a call at `at` to the number `to` and the TwiML that answers it, built by `build` once per
   * plan, region and caller name (a known number's name, or none): every other call until the next handover
   * or whole minute gets the same string from memory.
   */
  answer(
    at: Date,
    from: string | null,
    source: CallPlan['source'],
    to: string | null,
    build: (plan: CallPlan) => string,
  ): { plan: CallPlan; twiml: string } | null {
    const plan = this.plan(at, from, source, to);
    if (!plan) return null;
    const answers = plan.region === null ? undefined : this.cached.get(plan.region)?.answers;
    const key = plan.callerName ?? '';
    let twiml = answers?.get(key);
    if (twiml === undefined) {
      twiml = build(plan);
      if (answers && answers.size < 1000) answers.set(key, twiml); // directory names + unknown: small
    }
    return { plan, twiml };
  }

  /**
   * Computes every region's plan for `at` ahead of the calls (keep-fresh runs it at each edge) and says
   * until when they hold: the earliest next handover or whole minute. Null when nothing is known yet.
   */
  prepare(at: Date): number | null {
    const lines = this.current?.regions ?? [];
    let until: number | null = null;
    for (const line of lines) {
      const plan = this.plan(at, null, 'database', line.number);
      const cached = plan?.region != null ? this.cached.get(plan.region) : undefined;
      if (cached) until = until === null ? cached.validUntil : Math.min(until, cached.validUntil);
    }
    return until;
  }

  async loadFromDisk(): Promise<void> {
    if (!this.file || this.current) return;
    try {
      const read = JSON.parse(await readFile(this.file, 'utf8')) as RotaSnapshot & { rota?: Rota; dayNumber?: string };
      // A copy written before issue 15 held one region's rota: it is the first region's line.
      if (!read.regions && read.rota)
        read.regions = [{ code: '', number: null, rota: read.rota, dayNumber: read.dayNumber ?? null }];
      this.current = read;
    } catch {
      /* no file yet: the first successful read writes it */
    }
  }

  remember(s: RotaSnapshot): Promise<void> {
    this.current = s;
    this.readAt = performance.now();
    this.cached.clear();
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
