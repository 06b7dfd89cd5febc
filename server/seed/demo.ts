// Region data (every deployment) and demo data (SEED=demo). Both write only what the database does not hold yet:
// into an empty database everything, into one that holds regions the configured regions it lacks (issue 15). A
// restart must never duplicate places, touch a region loaded before, or reset passwords someone changed.
import { readFileSync } from 'node:fs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, PlaceType, Role, Slot } from '../db/schema';
import { belgianPhone, loadRegionConfigs, SHIPPED_REGIONS, type RegionConfig } from '../region/region-config';
import { syncBelgium } from '../region/belgium-sync';
import { prepareRotation, turnIndex } from '../../shared/rules/rota/handovers';
import { addDays, atLocal, isoWeekday, localDate, toZoned } from '../../shared/rules/time';
import { seedDemoHomes } from '../housing/demo-homes';
import { fromRoot } from '../paths';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * One region's rows: its region row (the next position), its municipalities (a row the national list made already
 * is taken over: region, name, population, ...) and its OCMWs (the region's own details over a generated row). A
 * municipality another region in the database holds is refused, naming it: a region never takes over another's.
 */
export async function seedRegion(trx: Db, config: RegionConfig, opts = { syncNational: true }): Promise<void> {
  const last = await trx
    .selectFrom('regions')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  await trx
    .insertInto('regions')
    .values({
      position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
      code: config.code,
      name: config.name,
      timezone: config.timezone,
      settings: JSON.stringify({
        officeHours: config.officeHours,
        permanenceNumber: config.permanenceNumber,
        dayNumber: config.dayNumber,
        rota: config.rota,
        board: config.board,
        handoffs: config.handoffs,
        competence: config.competence,
        housing: config.housing,
        neighbours: config.neighbours,
      }),
    })
    .execute();
  const nis = config.municipalities.map((m) => m.nis);
  const taken = await trx
    .selectFrom('municipalities')
    .select(['nis', 'region_code'])
    .where('nis', 'in', nis)
    .where('region_code', 'is not', null)
    .where('region_code', '!=', config.code)
    .execute();
  if (taken.length)
    throw new Error(
      `Region '${config.code}' cannot be loaded: ${taken.map((m) => `municipality ${m.nis} is in region ${m.region_code}`).join(', ')}`,
    );
  await trx
    .insertInto('municipalities')
    .values(
      config.municipalities.map((m) => ({
        nis: m.nis,
        region_code: config.code,
        name: m.name,
        population: m.population,
        postcodes: m.postcodes,
        eerstelijnszone: m.eerstelijnszone,
        police_zone: m.policeZone,
      })),
    )
    .onConflict((oc) =>
      oc.column('nis').doUpdateSet((eb) => ({
        region_code: eb.ref('excluded.region_code'),
        name: eb.ref('excluded.name'),
        population: eb.ref('excluded.population'),
        postcodes: eb.ref('excluded.postcodes'),
        eerstelijnszone: eb.ref('excluded.eerstelijnszone'),
        police_zone: eb.ref('excluded.police_zone'),
      })),
    )
    .execute();
  await trx
    .insertInto('ocmws')
    .values(
      config.ocmws.map((o) => ({
        municipality_nis: o.municipalityNis,
        name: o.name,
        phone: o.phone,
        email: o.email,
        calendar: JSON.stringify(o.calendar),
        contact_mobile: o.contactMobile ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.column('municipality_nis').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        phone: eb.ref('excluded.phone'),
        email: eb.ref('excluded.email'),
        calendar: eb.ref('excluded.calendar'),
        contact_mobile: eb.ref('excluded.contact_mobile'),
      })),
    )
    .execute();
  if (opts.syncNational) await syncBelgium(trx);
}

/**
 * Every start that loads regions takes this lock first, inside its transaction: two instances starting at once on
 * one PostgreSQL load a region once (the second waits, then finds it). PGlite runs one transaction at a time anyway.
 */
async function lockRegionLoading(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${REGION_LOADING_LOCK})`.execute(trx);
}
/** An arbitrary key of the desk's own ("REGN"), the same in every instance. */
const REGION_LOADING_LOCK = 0x5245474e;

async function regionCodesIn(db: Db): Promise<string[]> {
  return (await db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
}

async function isEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').limit(1).executeTakeFirst()) === undefined;
}

/**
 * Runs with SEED=none too: the desk cannot work without its municipalities and OCMWs. `codes`: the regions this
 * deployment serves (one folder each under server/region/data/), checked against each other first.
 * @public
 */
export async function seedRegionIfEmpty(
  db: Kysely<Database>,
  codes: string | readonly string[],
): Promise<{ seeded: boolean }> {
  const configs = loadRegionConfigs(typeof codes === 'string' ? [codes] : codes);
  return db.transaction().execute(async (trx) => {
    await lockRegionLoading(trx);
    if (!(await isEmpty(trx))) return { seeded: false };
    await seedRegions(trx, configs);
    return { seeded: true };
  });
}

/** Several regions: each region's rows, then the national list once (it keeps the regions' own rows). */
export async function seedRegions(trx: Db, configs: readonly RegionConfig[]): Promise<void> {
  for (const config of configs) await seedRegion(trx, config, { syncNational: false });
  await syncBelgium(trx);
}

/** What a start loaded (issue 15): every region, or the configured regions the database did not hold yet. */
export interface StartSeeding {
  /** The database was empty: the configured regions (and SEED=demo's people) were seeded. */
  seeded: boolean;
  /** The regions loaded by this start, in REGIONS order (all of them when `seeded`). */
  added: string[];
  /** Regions the database holds but REGIONS does not name: kept as they are (still served), never deleted. */
  unconfigured: string[];
}

/**
 * What a start seeds: into an empty database the configured regions (REGIONS), with their demo places, duty teams
 * and logins under SEED=demo, or their region data alone under SEED=none. A database that holds regions already gets
 * each configured region it does not hold yet, in one transaction (its municipalities, OCMWs and settings; under
 * SEED=demo also its demo places and team), the next position each; the regions it holds are not touched.
 * @public
 */
export async function seedOnStart(
  db: Kysely<Database>,
  config: { seed: 'demo' | 'none'; regions: readonly string[] },
  opts: { hashPassword: (pw: string) => Promise<string>; now?: Date },
): Promise<StartSeeding> {
  const first =
    config.seed === 'demo'
      ? await seedDemo(db, { hashPassword: opts.hashPassword, now: opts.now, regions: config.regions })
      : await seedRegionIfEmpty(db, config.regions);
  if (first.seeded) return { seeded: true, added: [...config.regions], unconfigured: [] };
  return { seeded: false, ...(await addConfiguredRegions(db, config, opts)) };
}

/** The configured regions the database does not hold yet, loaded in one transaction under the loading lock. */
async function addConfiguredRegions(
  db: Kysely<Database>,
  config: { seed: 'demo' | 'none'; regions: readonly string[] },
  opts: { hashPassword: (pw: string) => Promise<string>; now?: Date },
): Promise<{ added: string[]; unconfigured: string[] }> {
  const held = await regionCodesIn(db);
  const unconfigured = held.filter((c) => !config.regions.includes(c));
  if (config.regions.every((c) => held.includes(c))) return { added: [], unconfigured }; // every restart after
  // Checked against each other as a whole, as for an empty database.
  const configs = loadRegionConfigs(config.regions);
  const hash = config.seed === 'demo' ? await opts.hashPassword(DEMO_PASSWORD) : null;
  const added = await db.transaction().execute(async (trx) => {
    await lockRegionLoading(trx);
    const now = new Set(await regionCodesIn(trx)); // another instance may have loaded them meanwhile
    const missing = configs.filter((c) => !now.has(c.code));
    if (!missing.length) return [];
    await seedRegions(trx, missing);
    if (hash !== null) await seedDemoRegions(trx, missing, hash, opts.now, { fresh: false });
    return missing.map((c) => c.code);
  });
  return { added, unconfigured };
}

const placeTypes = [
  'caw_noodkamer',
  'hotel',
  'crisisbed',
  'ocmw_noodwoning',
  'doorgangswoning',
  'vluchthuis',
] as const satisfies readonly PlaceType[];
export const demoPlaceSchema = z.object({
  municipalityNis: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  provider: z.string().min(1),
  type: z.enum(placeTypes),
  suits: z.array(z.enum(['men', 'women', 'families', 'children', 'pets', 'wheelchair'])),
  roomType: z.enum(['kamer', 'kamerwoning', '1 slaapkamer', '2 slaapkamers', '3 slaapkamers']),
  capacity: z.number().int().positive(),
  costPerNightCents: z.number().int().nonnegative(),
  phone: belgianPhone.nullable(),
  address: z.string().nullable(),
  confidentialAddress: z.boolean(),
});
export type DemoPlace = z.infer<typeof demoPlaceSchema>;

/** A region's demo places (`demo-places.json` for the Kempen, `demo-places.<code>.json` for the others). */
export function loadDemoPlaces(code = 'kempen'): DemoPlace[] {
  const file = code === 'kempen' ? 'demo-places.json' : `demo-places.${code}.json`;
  const raw = JSON.parse(readFileSync(fromRoot('server/seed/data', file), 'utf8')) as { places: unknown };
  return z.array(demoPlaceSchema).parse(raw.places);
}

/** A place must lie in its region: throws naming the place's field, as the places API refuses it with 400. */
export function checkPlacesInRegion(places: readonly DemoPlace[], config: RegionConfig): void {
  const own = new Set(config.municipalities.map((m) => m.nis));
  const bad = places
    .map((p, i) => [p, i] as const)
    .filter(([p]) => !own.has(p.municipalityNis))
    .map(([p, i]) => `places.${i}.municipalityNis: ${p.municipalityNis} is not in region ${config.code}`);
  if (bad.length) throw new Error(`Invalid demo places of '${config.code}':\n  ${bad.join('\n  ')}`);
}

const directoryEntry = z.object({
  number: belgianPhone,
  name: z.string().min(1),
  kind: z.enum(['police', 'hospital', 'service', 'other']),
});

/** The Kempen's known callers (police zones, emergency departments, services), so the worker hears who calls. */
export function loadDemoDirectory() {
  const raw = JSON.parse(readFileSync(fromRoot('server/seed/data/demo-directory.json'), 'utf8')) as {
    entries: unknown;
  };
  return z.array(directoryEntry).parse(raw.entries);
}

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  phone: string | null;
  municipalities?: string[];
  /** The regions the user works in (default: the Kempen); seeded only when the region is. */
  regions?: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'permanentie', displayName: 'Sofie Permanentie', role: 'duty_worker', phone: '+32470112233' },
  { username: 'coordinator', displayName: 'Koen Coördinator', role: 'coordinator', phone: '+32478223344' },
  {
    username: 'ocmw-turnhout',
    displayName: 'Els Sociaal Huis Turnhout',
    role: 'ocmw_staff',
    phone: null,
    municipalities: ['13040'],
  },
  {
    username: 'ocmw-geel',
    displayName: 'Jef Sociaal Huis Geel',
    role: 'ocmw_staff',
    phone: null,
    municipalities: ['13008'],
  },
  {
    username: 'admin',
    displayName: 'Beheerder',
    role: 'admin',
    phone: null,
    regions: ['kempen', 'boom-mechelen-lier'],
  },
  { username: 'toewijzer', displayName: 'Hilde Toewijzer (wooncel)', role: 'allocator', phone: null },
  { username: 'an.peeters', displayName: 'An Peeters', role: 'duty_worker', phone: '+32471204518' },
  { username: 'jan.janssens', displayName: 'Jan Janssens', role: 'duty_worker', phone: '+32472318842' },
  { username: 'lotte.vermeulen', displayName: 'Lotte Vermeulen', role: 'duty_worker', phone: '+32485661027' },
  { username: 'pieter.mertens', displayName: 'Pieter Mertens', role: 'duty_worker', phone: '+32486734519' },
  { username: 'griet.willems', displayName: 'Griet Willems', role: 'duty_worker', phone: '+32494128860' },
  { username: 'tom.van.gorp', displayName: 'Tom Van Gorp', role: 'duty_worker', phone: '+32495902371' },
  // Boom-Mechelen-Lier's demo duty team (issue 15): its own rota, board and figures.
  ...(
    [
      ['permanentie-bml', 'Ward Permanentie (BML)', 'duty_worker', '+32470556677'],
      ['coordinator-bml', 'Ilse Coördinator (BML)', 'coordinator', '+32478667788'],
      ['nele.claes', 'Nele Claes', 'duty_worker', '+32471556601'],
      ['bart.de.smet', 'Bart De Smet', 'duty_worker', '+32472556602'],
      ['sara.wouters', 'Sara Wouters', 'duty_worker', '+32485556603'],
    ] as const
  ).map(([username, displayName, role, phone]) => ({
    username,
    displayName,
    role,
    phone,
    regions: ['boom-mechelen-lier'],
  })),
  {
    username: 'ocmw-mechelen',
    displayName: 'Inge OCMW Mechelen',
    role: 'ocmw_staff',
    phone: null,
    municipalities: ['12025'],
    regions: ['boom-mechelen-lier'],
  },
];
/** Demo contact mobiles of two OCMWs (morning digest, escalations); real ones come from region.json. */
const DEMO_OCMW_MOBILES: Record<string, string> = { '13040': '+32476400040', '13008': '+32476400008' };

/**
 * Usernames with the well-known password `demo`: the server warns while they exist.
 * @public
 */
export const DEMO_LOGINS: readonly string[] = DEMO_USERS.map((u) => u.username);
export const DEMO_PASSWORD = 'demo';

/** @public */
export async function seedDemo(
  db: Kysely<Database>,
  opts: {
    hashPassword: (pw: string) => Promise<string>;
    /**
     * The moment the demo is seeded: the primary team is turned so that the demo's signed-in worker
     * (`permanentie`) has the primary line tonight. Without it the team keeps its listed order from
     * 5 January 2026 (what the tests count weeks from).
     */
    now?: Date;
    /** The regions to load (default: every shipped region, the Kempen and Boom-Mechelen-Lier). */
    regions?: readonly string[];
  },
): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(db))) return { seeded: false };
  const configs = loadRegionConfigs(opts.regions ?? SHIPPED_REGIONS);
  for (const config of configs) checkPlacesInRegion(loadDemoPlaces(config.code), config); // before hashing
  // Hash once, outside the transaction: argon2 is slow on purpose and all demo users share `demo`.
  const hash = await opts.hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await lockRegionLoading(trx);
    if (!(await isEmpty(trx))) return { seeded: false }; // another process got here first
    await seedRegions(trx, configs);
    await seedDemoRegions(trx, configs, hash, opts.now, { fresh: true });
    return { seeded: true };
  });
}

/**
 * The demo data of regions just loaded: their places, their duty teams and logins, their rotas. `fresh`: the
 * database was empty (also the wooncel's demo homes). Added to a database that holds other regions, an account
 * that exists already (`admin`, or one made by hand with a demo username) is not changed: the demo `admin` only
 * gets the added region linked (user_regions) when it is still an admin, so it works there as on a fresh database.
 */
async function seedDemoRegions(
  trx: Transaction<Database>,
  configs: readonly RegionConfig[],
  hash: string,
  now: Date | undefined,
  opts: { fresh: boolean },
): Promise<void> {
  const codes = new Set(configs.map((c) => c.code));
  const placesOf = configs.map((config) => {
    const places = loadDemoPlaces(config.code);
    checkPlacesInRegion(places, config);
    return { config, places };
  });
  const nisOfAdded = new Set(configs.flatMap((c) => c.municipalities.map((m) => m.nis)));
  // A user whose regions are all left out is left out too (an admin keeps the regions that are loaded).
  const users = DEMO_USERS.map((u) => ({
    ...u,
    regions: (u.regions ?? ['kempen']).filter((r) => codes.has(r)),
  })).filter((u) => u.regions.length > 0);
  for (const [nis, mobile] of Object.entries(DEMO_OCMW_MOBILES)) {
    if (!nisOfAdded.has(nis)) continue;
    await trx.updateTable('ocmws').set({ contact_mobile: mobile }).where('municipality_nis', '=', nis).execute();
  }
  await trx
    .insertInto('places')
    .values(
      placesOf
        .flatMap(({ config, places }) => places.map((p) => ({ p, config })))
        .map(({ p, config }) => ({
          region_code: config.code,
          municipality_nis: p.municipalityNis,
          name: p.name,
          provider: p.provider,
          type: p.type,
          suits: JSON.stringify(p.suits),
          room_type: p.roomType,
          capacity: p.capacity,
          cost_per_night_cents: p.costPerNightCents,
          phone: p.phone,
          address: p.address,
          confidential_address: p.confidentialAddress,
        })),
    )
    .execute();
  const ids = new Map<string, string>();
  for (const u of users) {
    const existing = await trx
      .selectFrom('users')
      .select(['id', 'role'])
      .where('username', '=', u.username)
      .executeTakeFirst();
    if (existing) {
      ids.set(u.username, existing.id);
      if (u.role === 'admin' && existing.role === 'admin')
        for (const region of u.regions)
          await trx
            .insertInto('user_regions')
            .values({ user_id: existing.id, region_code: region })
            .onConflict((oc) => oc.doNothing())
            .execute();
      continue;
    }
    const { id } = await trx
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        password_hash: hash,
        phone: u.phone,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(u.username, id);
    for (const nis of u.municipalities ?? []) {
      await trx.insertInto('user_municipalities').values({ user_id: id, municipality_nis: nis }).execute();
    }
    if (u.role !== 'ocmw_staff')
      for (const region of u.regions)
        await trx.insertInto('user_regions').values({ user_id: id, region_code: region }).execute();
  }
  for (const code of codes) await seedDemoRota(trx, ids, code, now);
  // The demo's known callers are the Kempen's police zones, emergency departments and services.
  if (codes.has('kempen'))
    await trx
      .insertInto('directory')
      .values(loadDemoDirectory().map((e) => ({ ...e, region_code: 'kempen' })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (opts.fresh) await seedDemoHomes(trx);
}

// Week duty as in the Kempen: a team of four takes the primary line in turns, three the backup,
// handing over on Monday at 08:30 (the end of the weekend); the coordinator is on call all the time.
const DEMO_ROTATIONS = [
  {
    name: 'Permanentie (eerste lijn)',
    slot: 'primary',
    members: ['permanentie', 'an.peeters', 'jan.janssens', 'lotte.vermeulen'],
  },
  { name: 'Back-up', slot: 'backup', members: ['pieter.mertens', 'griet.willems', 'tom.van.gorp'] },
  { name: 'Coördinator van wacht', slot: 'coordinator', members: ['coordinator'] },
] as const;

/** Boom-Mechelen-Lier's demo rota: the same week duty with its own team. */
const BML_ROTATIONS = [
  {
    name: 'Permanentie (eerste lijn)',
    slot: 'primary',
    members: ['permanentie-bml', 'nele.claes', 'bart.de.smet'],
  },
  { name: 'Back-up', slot: 'backup', members: ['sara.wouters'] },
  { name: 'Coördinator van wacht', slot: 'coordinator', members: ['coordinator-bml'] },
] as const;
const ROTATIONS_BY_REGION: Record<string, readonly { name: string; slot: Slot; members: readonly string[] }[]> = {
  kempen: DEMO_ROTATIONS,
  'boom-mechelen-lier': BML_ROTATIONS,
};

const DEMO_ROTA_START = '2026-01-05'; // a Monday
const DEMO_HANDOVER = '08:30';

/**
 * The primary team's order and the rota's first Monday such that the weekly turn holding tonight is
 * the demo worker's. Tonight: before the 08:30 handover the night still running, from 08:30 the
 * coming evening. A turn runs Monday 08:30 to Monday 08:30, so the whole of that night, to the next
 * morning's handover, and any out-of-hours moment from `now` to then are in one turn.
 */
export function demoPrimaryTeam(
  now?: Date,
  primaryTeam: readonly string[] = DEMO_ROTATIONS[0].members,
): { members: string[]; startDate: string } {
  const team = [...primaryTeam];
  if (!now) return { members: team, startDate: DEMO_ROTA_START };
  const today = localDate(now);
  const night = toZoned(now) < atLocal(today, DEMO_HANDOVER) ? addDays(today, -1) : today;
  const tonight = atLocal(night, '22:00').toMillis();
  const monday = addDays(night, 1 - isoWeekday(night));
  const startDate = monday < DEMO_ROTA_START ? monday : DEMO_ROTA_START;
  const k = turnIndex(
    prepareRotation({
      id: 'demo',
      slot: 'primary',
      members: team,
      startDate,
      handoverTime: DEMO_HANDOVER,
      every: { unit: 'week', count: 1 },
    }),
    tonight,
  );
  // Turn k goes to members[k mod n]: put the demo worker (team[0]) there.
  const n = team.length;
  return { members: team.map((_, i) => team[(((i - k) % n) + n) % n]!), startDate };
}

async function seedDemoRota(trx: Db, ids: Map<string, string>, region: string, now?: Date): Promise<void> {
  const rotations = ROTATIONS_BY_REGION[region];
  if (!rotations) return; // a region without a demo team starts with an empty rota
  const primary = demoPrimaryTeam(now, rotations[0]!.members);
  await trx
    .insertInto('rota_rotations')
    .values(
      rotations.map((r, position) => {
        const members: readonly string[] = r.slot === 'primary' ? primary.members : r.members;
        return {
          region_code: region,
          name: r.name,
          slot: r.slot,
          position,
          members: JSON.stringify(members.map((u) => ids.get(u)!)),
          start_date: primary.startDate,
          handover_time: DEMO_HANDOVER,
          every_unit: 'week' as const,
          every_count: 1,
          end_date: null,
          created_at: new Date(),
        };
      }),
    )
    .execute();
}
