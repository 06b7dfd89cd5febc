// `npm run seed:history`: ten believable years of calls, intakes, placements, guarantees and handoffs
// for the key figures (and their benchmark), written in big multi-row inserts. Opens the database like
// the server (DATABASE_URL, else PGlite in DATA_DIR), migrates, loads the demo data on an empty one
// (SEED=demo), and refuses to run twice. Everything it writes is pseudonymised: no names, no stories.
//   npm run seed:history -- --years 10 --calls 300000 --intakes 50000 --seed 7 --regions kempen,boom-mechelen-lier
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { Calendar } from '../../shared/rules/calendar-schema';
import { nightOf } from '../../shared/rules/night';
import { addDays, isoWeekday } from '../../shared/rules/wall-clock';
import type { Database } from '../db/schema';
import { emptyBatch, HistoryGenerator, type Batch } from './history/generate';
import { nightWeight, seeded } from './history/model';
import { regionCalendar } from '../region/settings';

export interface HistoryOptions {
  years: number;
  calls: number;
  intakes: number;
  seed: number;
  now: Date;
  /** The region to fill (default: the Kempen when loaded, else the first region). */
  region?: string;
  log?: (line: string) => void;
}
export const HISTORY_DEFAULTS = { years: 10, calls: 300_000, intakes: 50_000, seed: 7 };
/** History stops a week before now, so no stay of it is still running on tonight's board. */
const QUIET_DAYS = 7;
/** PostgreSQL takes at most 65,535 parameters per statement; stay well under. */
const MAX_PARAMS = 30_000;

export interface HistoryTotals {
  first: string;
  last: string;
  calls: number;
  intakes: number;
  holds: number;
  guarantees: number;
  handoffs: number;
}

/**
 * Fills one region (`region`; default the Kempen when loaded, else the first region) or several
 * (`regions`), each with the asked numbers of its own: its calls, intakes and placements in its own
 * places, with its own duty team. Each region draws from its own seed (seed + its position in the list).
 */
export async function seedHistory(
  db: Kysely<Database>,
  opts: HistoryOptions & { regions?: string[] },
): Promise<HistoryTotals> {
  if (await db.selectFrom('calls').select('id').where('call_sid', 'like', 'HIST%').limit(1).executeTakeFirst()) {
    throw new Error(
      'This database already has a generated history; start from an empty database to generate it again.',
    );
  }
  const codes = (await db.selectFrom('regions').select('code').orderBy('position').orderBy('code').execute()).map(
    (r) => r.code,
  );
  const unknown = (opts.regions ?? []).filter((r) => !codes.includes(r));
  if (unknown.length) throw new Error(`Unknown region(s) ${unknown.join(', ')}; loaded: ${codes.join(', ')}.`);
  const regions = opts.regions ?? [opts.region ?? (codes.includes('kempen') ? 'kempen' : codes[0])];
  const all: HistoryTotals[] = [];
  for (const [i, region] of regions.entries()) {
    if (region) all.push(await seedRegionHistory(db, { ...opts, seed: opts.seed + i }, region));
  }
  const totals = all[0] && {
    ...all[0],
    ...Object.fromEntries(
      (['calls', 'intakes', 'holds', 'guarantees', 'handoffs'] as const).map((k) => [
        k,
        all.reduce((a, t) => a + t[k], 0),
      ]),
    ),
  };
  if (!totals) throw new Error('No region: load the demo data first (SEED=demo on an empty database).');
  return totals;
}

async function seedRegionHistory(db: Kysely<Database>, opts: HistoryOptions, region: string): Promise<HistoryTotals> {
  const [users, directory, municipalities, places, ocmws, calendar] = await Promise.all([
    db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', ['duty_worker', 'coordinator'])
      .where('id', 'in', db.selectFrom('user_regions').select('user_id').where('region_code', '=', region))
      .execute(),
    db.selectFrom('directory').select(['number', 'kind']).execute(),
    db.selectFrom('municipalities').select(['nis', 'population']).where('region_code', '=', region).execute(),
    db
      .selectFrom('places')
      .select(['id', 'type', 'municipality_nis', 'capacity', 'cost_per_night_cents'])
      .where('active', '=', true)
      .where('region_code', '=', region)
      .execute(),
    db.selectFrom('ocmws').select(['municipality_nis', 'calendar']).execute(),
    regionCalendar(db, region),
  ]);
  if (!users.length || !places.length || !municipalities.length) {
    throw new Error(
      'No duty workers, places or municipalities: load the demo data first (SEED=demo on an empty database).',
    );
  }
  const numbers = { police: [] as string[], hospital: [] as string[], service: [] as string[] };
  for (const d of directory) if (d.kind !== 'other') numbers[d.kind].push(d.number);
  for (const k of ['police', 'hospital', 'service'] as const)
    if (!numbers[k].length) numbers[k].push(`+3214${k.length}00000`);

  const last = addDays(nightOf(opts.now), -QUIET_DAYS);
  const first = addDays(last, -Math.round(opts.years * 365.25) + 1);
  const gen = new HistoryGenerator(
    {
      now: opts.now,
      region,
      users: users.map((u) => u.id),
      numbers,
      municipalities,
      regionCalendar: calendar,
      places: places.map((p) => ({
        id: p.id,
        type: p.type,
        nis: p.municipality_nis,
        capacity: p.capacity,
        cost: p.cost_per_night_cents,
      })),
      ocmwCalendars: new Map(ocmws.map((o) => [o.municipality_nis, o.calendar as Calendar])),
    },
    seeded(opts.seed),
  );

  const nights: { night: string; w: number }[] = [];
  for (let d = first, i = 0; d <= last; d = addDays(d, 1), i++)
    nights.push({ night: d, w: nightWeight(d, i / 365.25) });
  const mean = nights.reduce((a, n) => a + n.w, 0) / nights.length;
  const totals = { calls: 0, intakes: 0, holds: 0, guarantees: 0, handoffs: 0 };
  let batch = emptyBatch();
  await db.transaction().execute(async (trx) => {
    for (const { night, w } of nights) {
      gen.night(night, (opts.calls / nights.length) * (w / mean), (opts.intakes / nights.length) * (w / mean), batch);
      if (batch.calls.length >= 10_000 || night === last) {
        await insertBatch(trx, batch, totals);
        opts.log?.(
          `history up to ${night}: ${totals.calls} calls, ${totals.intakes} intakes, ${totals.guarantees} placements`,
        );
        batch = emptyBatch();
      }
    }
    await backfillRota(trx, first, region);
  });
  return { first, last, ...totals };
}

async function insertBatch(db: Kysely<Database>, b: Batch, totals: Record<keyof Batch, number>) {
  // Referenced rows first: calls and holds, then intakes, then what refers to intakes.
  for (const table of ['calls', 'holds', 'intakes', 'guarantees', 'handoffs'] as const) {
    const rows: object[] = b[table];
    if (!rows.length) continue;
    const size = Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length);
    for (let i = 0; i < rows.length; i += size)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + size) as never)
        .execute();
    totals[table] += rows.length;
  }
}

/**
 * The demo rota starts recently; so that rota coverage means something over the history, each slot's
 * first rotation also gets a copy with the same team from the start of the history up to its own start.
 */
async function backfillRota(db: Kysely<Database>, first: string, region: string) {
  const rotations = await db
    .selectFrom('rota_rotations')
    .selectAll()
    .where('region_code', '=', region)
    .orderBy('position')
    .execute();
  const monday = addDays(first, 1 - isoWeekday(first));
  for (const slot of ['primary', 'backup', 'coordinator'] as const) {
    const r = rotations.filter((x) => x.slot === slot).sort((a, b) => a.start_date.localeCompare(b.start_date))[0];
    if (!r || r.start_date <= monday) continue;
    await db
      .insertInto('rota_rotations')
      .values({
        region_code: region,
        name: `${r.name} (historiek)`,
        slot,
        members: JSON.stringify(r.members),
        start_date: monday,
        handover_time: r.handover_time,
        every_unit: r.every_unit,
        every_count: r.every_count,
        end_date: r.start_date,
        created_at: new Date(),
        position: r.position + 100,
      })
      .execute();
  }
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

async function main() {
  const { loadConfig } = await import('../config');
  const { migrateToLatest, openDatabase } = await import('../db/index');
  const { seedOnStart } = await import('../seed/demo');
  const { hashPassword } = await import('../auth/passwords');
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await seedOnStart(database.db, config, { hashPassword, now: new Date() });
    const started = Date.now();
    // Every loaded region unless --regions names some (comma-separated codes).
    const i = process.argv.indexOf('--regions');
    const regions =
      i >= 0
        ? (process.argv[i + 1] ?? '').split(',').filter(Boolean)
        : (await database.db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
    const result = await seedHistory(database.db, {
      regions,
      years: argValue('years', HISTORY_DEFAULTS.years),
      calls: argValue('calls', HISTORY_DEFAULTS.calls),
      intakes: argValue('intakes', HISTORY_DEFAULTS.intakes),
      seed: argValue('seed', HISTORY_DEFAULTS.seed),
      now: new Date(),
      log: console.log,
    });
    console.log(
      `history ${result.first} .. ${result.last}: ${result.calls} calls, ${result.intakes} intakes, ${result.holds} holds, ` +
        `${result.guarantees} guarantees, ${result.handoffs} handoffs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
