// The directory of known callers per region (issue 15, migration 023): each desk lists, adds and removes its own
// region's entries; another region's entry is 404; a number is known once across regions (409 naming the region
// that has it). Existing entries go to the first region, the first loaded.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { migrateToLatest } from '../db/index';
import { migrations } from '../db/migrations/index';
import { loadDemoDirectory, seedDemo } from '../seed/demo';

let t: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'] });
  for (const u of ['coordinator', 'coordinator-bml', 'admin', 'permanentie-bml']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

const rows = (number: string) =>
  t.db.db.selectFrom('directory').select(['number', 'name', 'region_code']).where('number', '=', number).execute();
const numbers = async (who: string) =>
  ((await as[who]!.get('/api/directory')).body.entries as { number: string }[]).map((e) => e.number).sort();

describe('the directory per region', () => {
  it("each desk lists its own region's known callers", async () => {
    // The demo's known callers are the Kempen's (server/seed/data/demo-directory.json).
    const kempen = loadDemoDirectory()
      .map((e) => e.number)
      .sort();
    expect(kempen).toHaveLength(13);
    expect(await numbers('coordinator')).toEqual(kempen);
    expect(await numbers('permanentie-bml')).toEqual([]);
  });

  it('an entry is added to the current region, and listed there only', async () => {
    const res = await as['coordinator-bml']!.post('/api/directory', {
      number: '015 20 99 01',
      name: 'Politie Mechelen-Willebroek',
      kind: 'police',
    });
    expect(res.status).toBe(201);
    expect(await rows('+3215209901')).toEqual([
      { number: '+3215209901', name: 'Politie Mechelen-Willebroek', region_code: 'boom-mechelen-lier' },
    ]);
    expect(await numbers('permanentie-bml')).toEqual(['+3215209901']);
    expect(await numbers('coordinator')).not.toContain('+3215209901');
  });

  it("another region's entry is 404 for removal and stays; the owner removes it", async () => {
    const res = await as['coordinator-bml']!.post('/api/directory', {
      number: '015 20 99 02',
      name: 'Spoed AZ Sint-Maarten',
      kind: 'hospital',
    });
    expect(res.status).toBe(201);
    const gone = await as.coordinator!.request('DELETE', `/api/directory/${res.body.id}`);
    expect(gone.status).toBe(404);
    expect(await rows('+3215209902')).toHaveLength(1);
    expect((await as['coordinator-bml']!.request('DELETE', `/api/directory/${res.body.id}`)).status).toBe(204);
    expect(await rows('+3215209902')).toEqual([]);
  });

  it('a number another region knows is 409 naming that region; nothing changes', async () => {
    const res = await as['coordinator-bml']!.post('/api/directory', {
      number: '014 44 01 01',
      name: 'Politie Turnhout (dubbel)',
      kind: 'police',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/region Kempen/);
    expect(await rows('+3214440101')).toEqual([
      { number: '+3214440101', name: 'Politie Regio Turnhout', region_code: 'kempen' },
    ]);
  });

  it('an admin of both regions sees the region they switched to', async () => {
    const admin = as.admin!;
    expect(await numbers('admin')).toHaveLength(13); // starts in the Kempen, the first region
    expect((await admin.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    expect(await numbers('admin')).toEqual(['+3215209901']);
  });
});

describe('migration 023_directory_region', () => {
  it('gives the entries that exist the first region (the first loaded, not the first by name)', async () => {
    const db = await createTestDatabase();
    try {
      // Kempen loaded first, Boom-Mechelen-Lier second: by name the latter would come first.
      await seedDemo(db.db, { hashPassword: async () => 'x', regions: ['kempen', 'boom-mechelen-lier'] });
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('021_call_night_hour')).error).toBeUndefined();
      // Before the migration: a BML-looking entry, to show the migration does not guess from the number.
      await db.db
        .insertInto('directory' as never)
        .values({ number: '+3215209903', name: 'Politie Lier', kind: 'police' } as never)
        .execute();
      expect(await migrateToLatest(db.db)).toContain('023_directory_region');
      const all = await db.db.selectFrom('directory').select(['number', 'region_code']).execute();
      expect(all).toHaveLength(14);
      expect(new Set(all.map((r) => r.region_code))).toEqual(new Set(['kempen']));
    } finally {
      await db.drop();
    }
  });
});
