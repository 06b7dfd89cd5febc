// REGIONS (issue 15): which of the shipped regions a deployment serves, in load order. An unknown code fails at
// start naming the setting and the known codes; SEED=demo and SEED=none both seed exactly the configured regions.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config';
import { openDatabase } from '../db/index';
import { seedOnStart } from '../seed/demo';
import { testDatabaseKind } from '../../test/helpers/db';
import { fromRoot } from '../paths';

describe('the REGIONS setting', () => {
  it('defaults to every region shipped in server/region/data but the national list, the Kempen first', () => {
    const folders = readdirSync(fromRoot('server/region/data'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'belgium')
      .map((d) => d.name);
    const { regions } = loadConfig({});
    expect([...regions].sort()).toEqual([...folders].sort());
    expect(regions).toEqual(['kempen', 'boom-mechelen-lier']);
    expect(loadConfig({ REGIONS: '' }).regions).toEqual(['kempen', 'boom-mechelen-lier']); // empty: unset
  });

  it('takes comma-separated codes, in the order given', () => {
    expect(loadConfig({ REGIONS: 'boom-mechelen-lier' }).regions).toEqual(['boom-mechelen-lier']);
    expect(loadConfig({ REGIONS: ' boom-mechelen-lier , kempen ' }).regions).toEqual(['boom-mechelen-lier', 'kempen']);
  });

  it('refuses an unknown code, naming REGIONS and the known codes', () => {
    expect(() => loadConfig({ REGIONS: 'kempen,antwerpen' })).toThrow(
      /REGIONS: unknown region antwerpen; known regions: kempen, boom-mechelen-lier/,
    );
    // The national list is data, not a region a desk serves.
    expect(() => loadConfig({ REGIONS: 'belgium' })).toThrow(/REGIONS: unknown region belgium/);
    expect(() => loadConfig({ REGIONS: 'kempen,kempen' })).toThrow(/REGIONS: region kempen named twice/);
    expect(() => loadConfig({ REGIONS: ' , ' })).toThrow(/REGIONS: expected comma-separated region codes/);
  });
});

const regionsIn = async (s: TestServer) =>
  (await s.db.db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
const served = async (s: TestServer, code: string) =>
  (await s.db.db.selectFrom('municipalities').select('nis').where('region_code', '=', code).execute()).length;

describe('a start seeds the configured regions', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('REGIONS=boom-mechelen-lier with SEED=demo: only that region, its places and its team', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'demo', REGIONS: 'boom-mechelen-lier' } });
    expect(await regionsIn(t)).toEqual(['boom-mechelen-lier']);
    expect(await served(t, 'boom-mechelen-lier')).toBe(18);
    expect(await served(t, 'kempen')).toBe(0);
    const places = await t.db.db.selectFrom('places').select('region_code').execute();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => p.region_code === 'boom-mechelen-lier')).toBe(true);
    // The admin works in the loaded region alone; the Kempen's team was not seeded.
    const admin = new ApiClient(t.url);
    await admin.login('admin');
    const region = (await admin.get('/api/region')).body;
    expect(region.region.code).toBe('boom-mechelen-lier');
    expect(region.regions.map((r: { code: string }) => r.code)).toEqual(['boom-mechelen-lier']);
    const kempen = await new ApiClient(t.url).post('/api/auth/login', { username: 'permanentie', password: 'demo' });
    expect(kempen.status).toBe(401);
    // The board works with a neighbour (the Kempen) that this deployment does not load.
    const bml = new ApiClient(t.url);
    await bml.login('permanentie-bml');
    expect((await bml.get('/api/board')).status).toBe(200);
  });

  it('SEED=none with both regions: both regions, in order, and no people', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'none', REGIONS: 'kempen,boom-mechelen-lier' } });
    expect(await regionsIn(t)).toEqual(['kempen', 'boom-mechelen-lier']);
    expect(await served(t, 'kempen')).toBe(27);
    expect(await served(t, 'boom-mechelen-lier')).toBe(18);
    const mechelen = await t.db.db
      .selectFrom('ocmws')
      .select(['name', 'phone'])
      .where('municipality_nis', '=', '12025')
      .executeTakeFirstOrThrow();
    // The region's own OCMW row (region.json), not the one generated for the rest of Belgium.
    expect(mechelen).toEqual({ name: 'OCMW Mechelen', phone: '+3215400250' });
    expect(await t.db.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    expect(await t.db.db.selectFrom('places').select('id').execute()).toHaveLength(0);
  });

  it('SEED=none: the first code in REGIONS is the first region', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'none', REGIONS: 'boom-mechelen-lier,kempen' } });
    expect(await regionsIn(t)).toEqual(['boom-mechelen-lier', 'kempen']);
  });
});

// Issue 15: a deployment that served the Kempen alone restarts with REGIONS=kempen,boom-mechelen-lier. The start
// loads Boom-Mechelen-Lier into the database that holds the Kempen, and touches nothing of the Kempen's.
describe('a start adds a configured region the database does not hold yet', () => {
  let t: TestServer | undefined;
  const extra: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const h of extra.splice(0)) await h.close();
    await t?.close();
    t = undefined;
  });
  let demoHash: Promise<string> | undefined;
  const hash = (pw: string) => {
    if (pw !== 'demo') return hashPassword(pw);
    demoHash ??= hashPassword('demo');
    return demoHash;
  };
  const restart = (s: TestServer, env: Record<string, string>) =>
    seedOnStart(s.db.db, loadConfig(env), { hashPassword: hash, now: s.clock.now() });
  const BML = 'boom-mechelen-lier';
  const BML_TEAM = [
    'permanentie-bml',
    'coordinator-bml',
    'nele.claes',
    'bart.de.smet',
    'sara.wouters',
    'ocmw-mechelen',
  ];

  /** Hand-chosen rows of the Kempen's, and what a test changed in them by hand: a re-seed would reset them. */
  const kempenRows = async (s: TestServer) => {
    const db = s.db.db;
    return {
      region: await db.selectFrom('regions').selectAll().where('code', '=', 'kempen').executeTakeFirstOrThrow(),
      turnhout: await db.selectFrom('municipalities').selectAll().where('nis', '=', '13040').executeTakeFirstOrThrow(),
      ocmwTurnhout: await db.selectFrom('ocmws').selectAll().where('municipality_nis', '=', '13040').executeTakeFirst(),
      places: await db.selectFrom('places').selectAll().where('region_code', '=', 'kempen').orderBy('id').execute(),
      // Every account but the six Boom-Mechelen-Lier's demo adds (the admin's row included).
      users: await db
        .selectFrom('users')
        .selectAll()
        .where('username', 'not in', BML_TEAM)
        .orderBy('username')
        .execute(),
      kempenLinks: await db
        .selectFrom('user_regions')
        .selectAll()
        .where('region_code', '=', 'kempen')
        .orderBy('user_id')
        .execute(),
      rota: await db
        .selectFrom('rota_rotations')
        .selectAll()
        .where('region_code', '=', 'kempen')
        .orderBy('id')
        .execute(),
      directory: await db.selectFrom('directory').selectAll().orderBy('number').execute(),
      homes: await db.selectFrom('transit_homes').selectAll().orderBy('id').execute(),
    };
  };
  /** Row counts of what a region load writes, to see a second restart change nothing. */
  const counts = async (s: TestServer) => {
    const n = async (table: 'regions' | 'places' | 'users' | 'user_regions' | 'rota_rotations' | 'directory') =>
      Number(
        (
          await s.db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bmlNis = await s.db.db.selectFrom('municipalities').select('nis').where('region_code', '=', BML).execute();
    return {
      regions: await n('regions'),
      places: await n('places'),
      users: await n('users'),
      userRegions: await n('user_regions'),
      rota: await n('rota_rotations'),
      directory: await n('directory'),
      bmlMunicipalities: bmlNis.length,
    };
  };

  it('SEED=demo: Boom-Mechelen-Lier with its places and team, the next position; the Kempen as it was', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'demo', REGIONS: 'kempen' } });
    const db = t.db.db;
    // What the Kempen's desk changed since its first start: a re-seed would put the shipped values back.
    await db.updateTable('regions').set({ name: 'Kempen (eigen naam)' }).where('code', '=', 'kempen').execute();
    await db.updateTable('ocmws').set({ phone: '+3214000099' }).where('municipality_nis', '=', '13040').execute();
    await db.updateTable('users').set({ phone: '+32470999999' }).where('username', '=', 'permanentie').execute();
    // Before: Mechelen is a row of the national list, outside every region, with a generated OCMW.
    expect(
      await db
        .selectFrom('municipalities')
        .select(['region_code'])
        .where('nis', '=', '12025')
        .executeTakeFirstOrThrow(),
    ).toEqual({ region_code: null });
    expect(
      (await db.selectFrom('ocmws').select('phone').where('municipality_nis', '=', '12025').executeTakeFirstOrThrow())
        .phone,
    ).toBeNull();
    const before = await kempenRows(t);
    expect(before.places).toHaveLength(43);

    const first = await restart(t, { SEED: 'demo', REGIONS: `kempen,${BML}` });
    expect(first).toEqual({ seeded: false, added: [BML], unconfigured: [] });
    expect(await regionsIn(t)).toEqual(['kempen', BML]);
    const positions = await db.selectFrom('regions').select(['code', 'position']).orderBy('position').execute();
    expect(positions).toEqual([
      { code: 'kempen', position: 0 },
      { code: BML, position: 1 },
    ]);
    expect(await served(t, BML)).toBe(18);
    expect(
      await db
        .selectFrom('ocmws')
        .select(['name', 'phone'])
        .where('municipality_nis', '=', '12025')
        .executeTakeFirstOrThrow(),
    ).toEqual({ name: 'OCMW Mechelen', phone: '+3215400250' });
    const bmlPlaces = await db.selectFrom('places').select('name').where('region_code', '=', BML).execute();
    expect(bmlPlaces.map((p) => p.name).sort()).toEqual(
      [
        'CAW noodkamer Lier',
        'CAW noodkamer Mechelen 1',
        'CAW noodkamer Mechelen 2',
        'Hotel Dijlezicht (partner)',
        'Nachtopvang Mechelen',
        'Noodwoning Boom',
        'Noodwoning Heist-op-den-Berg',
        'Vluchthuis Rivierenland',
      ].sort(),
    );
    // Its duty team and rota; the Kempen's rows, users and rota exactly as before.
    const bmlRota = await db.selectFrom('rota_rotations').select('slot').where('region_code', '=', BML).execute();
    expect(bmlRota.map((r) => r.slot).sort()).toEqual(['backup', 'coordinator', 'primary']);
    expect(await kempenRows(t)).toEqual(before);
    expect((await kempenRows(t)).region.name).toBe('Kempen (eigen naam)');

    // The running desk serves it: Boom-Mechelen-Lier's worker signs in to its board; the demo admin works there too.
    const bml = new ApiClient(t.url);
    await bml.login('permanentie-bml');
    const board = (await bml.get('/api/board')).body;
    expect(board.region).toBe(BML);
    expect(board.places).toHaveLength(8);
    const admin = new ApiClient(t.url);
    await admin.login('admin');
    const region = (await admin.get('/api/region')).body;
    expect(region.regions.map((r: { code: string }) => r.code)).toEqual(['kempen', BML]);
    const mechelen = new ApiClient(t.url);
    await mechelen.login('ocmw-mechelen');

    // A second restart changes nothing.
    const settled = await counts(t);
    expect(settled).toEqual({
      regions: 2,
      places: 51,
      users: before.users.length + 6,
      userRegions: before.kempenLinks.length + 6, // five of the team and the admin; OCMW staff have none
      rota: before.rota.length + 3,
      directory: before.directory.length,
      bmlMunicipalities: 18,
    });
    expect(await restart(t, { SEED: 'demo', REGIONS: `kempen,${BML}` })).toEqual({
      seeded: false,
      added: [],
      unconfigured: [],
    });
    expect(await counts(t)).toEqual(settled);
    expect(await kempenRows(t)).toEqual(before);
  });

  it('SEED=none: the region data alone, no people; a region left out of REGIONS is kept and named', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'none', REGIONS: 'kempen' } });
    const before = await kempenRows(t);
    expect(await restart(t, { SEED: 'none', REGIONS: `kempen,${BML}` })).toEqual({
      seeded: false,
      added: [BML],
      unconfigured: [],
    });
    expect(await regionsIn(t)).toEqual(['kempen', BML]);
    expect(await served(t, BML)).toBe(18);
    expect(await t.db.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    expect(await t.db.db.selectFrom('places').select('id').execute()).toHaveLength(0);
    expect(await t.db.db.selectFrom('rota_rotations').select('id').execute()).toHaveLength(0);
    expect(await kempenRows(t)).toEqual(before);

    // REGIONS without the Kempen: nothing deleted, the Kempen named as not configured.
    const settled = await counts(t);
    expect(await restart(t, { SEED: 'none', REGIONS: BML })).toEqual({
      seeded: false,
      added: [],
      unconfigured: ['kempen'],
    });
    expect(await counts(t)).toEqual(settled);
    expect(await served(t, 'kempen')).toBe(27);
  });

  it('two starts at once add it once (two instances on PostgreSQL; on PGlite, which one process holds, two starts in it)', async () => {
    t = await startTestServer({ seed: 'startup', env: { SEED: 'demo', REGIONS: 'kempen' } });
    const [a, b] =
      testDatabaseKind === 'postgres'
        ? [
            openDatabase({ kind: 'postgres', url: t.db.url!, poolSize: 2 }),
            openDatabase({ kind: 'postgres', url: t.db.url!, poolSize: 2 }),
          ]
        : [t.db, t.db];
    if (testDatabaseKind === 'postgres') extra.push(a, b);
    const config = loadConfig({ SEED: 'demo', REGIONS: `kempen,${BML}` });
    await hash('demo'); // both start at once, not one after the other's hashing
    const results = await Promise.all(
      [a, b].map((h) => seedOnStart(h.db, config, { hashPassword: hash, now: t!.clock.now() })),
    );
    expect(results.map((r) => r.added).sort()).toEqual([[], [BML]]);
    expect(await regionsIn(t)).toEqual(['kempen', BML]);
    expect(await t.db.db.selectFrom('places').select('id').where('region_code', '=', BML).execute()).toHaveLength(8);
    expect(
      await t.db.db.selectFrom('users').select('id').where('username', '=', 'permanentie-bml').execute(),
    ).toHaveLength(1);
  });
});
