// REGIONS (issue 15): which of the shipped regions a deployment serves, in load order. An unknown code fails at
// start naming the setting and the known codes; SEED=demo and SEED=none both seed exactly the configured regions.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { loadConfig } from '../config';
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

describe('a start seeds the configured regions', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const regionsIn = async (s: TestServer) =>
    (await s.db.db.selectFrom('regions').select('code').orderBy('position').execute()).map((r) => r.code);
  const served = async (s: TestServer, code: string) =>
    (await s.db.db.selectFrom('municipalities').select('nis').where('region_code', '=', code).execute()).length;

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
