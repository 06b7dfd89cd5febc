import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index';
import municipalitiesJson from '../region/data/kempen/municipalities.json';
import { calendarSchema } from '../region/region-config';
import { solidarityTarget } from '../region/solidarity';
import { DEMO_LOGINS, seedDemo, seedRegionIfEmpty } from './demo';
import { loadRota } from '../roster/roster.queries';
import { onDuty } from '../../shared/rules/rota';

const hashPassword = async (pw: string) => `fake$${pw}`;
const fresh = async () => {
  const handle = openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(handle.db);
  return handle;
};

// Read-only checks share one seeded database: a fresh PGlite costs ~1.5 s.
describe('seedDemo on an empty database', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await fresh();
    expect(await seedDemo(h.db, { hashPassword })).toEqual({ seeded: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it('inserts the 27 municipalities as in the JSON, and the rest of Belgium outside any region', async () => {
    const all = await h.db.selectFrom('municipalities').selectAll().execute();
    expect(all).toHaveLength(565);
    // Both shipped regions: the Kempen's 27 and Boom-Mechelen-Lier's 18 (issue 15).
    expect(all.filter((m) => m.region_code === null)).toHaveLength(565 - 27 - 18);
    expect(all.filter((m) => m.region_code === 'boom-mechelen-lier')).toHaveLength(18);
    const rows = all.filter((m) => m.region_code === 'kempen');
    expect(rows).toHaveLength(27);
    // A region's own row keeps its data and gains Statbel's names.
    expect(rows.find((m) => m.nis === '13040')).toMatchObject({
      name: 'Turnhout',
      name_fr: 'Turnhout',
      arrondissement_nis: '13000',
      belgian_region: 'flanders',
    });
    const turnhout = rows.find((m) => m.nis === '13040');
    expect(turnhout?.population).toBe(47305);
    expect(turnhout?.population).toBe(municipalitiesJson.find((m) => m.nis === '13040')?.population);
    for (const m of municipalitiesJson) expect(rows.find((r) => r.nis === m.nis)?.population).toBe(m.population);
  });

  it('seeds nothing the second time', async () => {
    const count = async () =>
      Promise.all(
        (['regions', 'municipalities', 'ocmws', 'places', 'users', 'user_municipalities'] as const).map(async (t) =>
          Number(
            (
              await h.db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    let hashed = 0;
    expect(
      await seedDemo(h.db, {
        hashPassword: async (pw) => {
          hashed++;
          return pw;
        },
      }),
    ).toEqual({ seeded: false });
    expect(await seedRegionIfEmpty(h.db, 'kempen')).toEqual({ seeded: false });
    expect(await count()).toEqual(before);
    expect(hashed).toBe(0);
  });

  it('OCMW places per municipality follow the solidarity rule', async () => {
    const rows = await h.db
      .selectFrom('places')
      .select(['municipality_nis', 'capacity'])
      .where('type', 'in', ['ocmw_noodwoning', 'doorgangswoning'])
      .execute();
    for (const m of municipalitiesJson) {
      const sum = rows.filter((r) => r.municipality_nis === m.nis).reduce((s, r) => s + r.capacity, 0);
      expect(sum, m.name).toBe(solidarityTarget(m.population));
    }
  });

  it('has the place types the board needs, vluchthuis confidential', async () => {
    const places = await h.db.selectFrom('places').selectAll().execute();
    const vh = places.filter((p) => p.type === 'vluchthuis');
    expect(vh.length).toBeGreaterThan(0);
    for (const p of vh) expect(p.confidential_address).toBe(true);
    expect(places.filter((p) => p.type !== 'vluchthuis').every((p) => !p.confidential_address)).toBe(true);
    expect(places.filter((p) => p.type === 'hotel').length).toBeGreaterThanOrEqual(4);
    expect(places.some((p) => p.type === 'caw_noodkamer' && p.municipality_nis === '13040')).toBe(true);
    expect(places.some((p) => p.type === 'crisisbed' && p.suits.includes('children'))).toBe(true);
    for (const p of places) if (p.phone) expect(isValidPhoneNumber(p.phone), `${p.name} ${p.phone}`).toBe(true);
  });

  it('every stored OCMW calendar validates', async () => {
    const ocmws = await h.db.selectFrom('ocmws').selectAll().execute();
    expect(ocmws).toHaveLength(565); // the 27 of the Kempen and every other Belgian OCMW (default calendar);
    for (const o of ocmws) {
      expect(calendarSchema.safeParse(o.calendar).success, o.name).toBe(true);
      if (o.phone) expect(isValidPhoneNumber(o.phone), o.name).toBe(true);
    }
  });

  it('creates the demo users with the shared hash and the OCMW link', async () => {
    const users = await h.db.selectFrom('users').selectAll().execute();
    expect(users.map((u) => u.username).sort()).toEqual([...DEMO_LOGINS].sort());
    expect(users.every((u) => u.password_hash === 'fake$demo')).toBe(true);
    expect(users.filter((u) => u.role === 'duty_worker').length).toBeGreaterThanOrEqual(7);
    for (const u of users) if (u.phone) expect(isValidPhoneNumber(u.phone), u.username).toBe(true);
    const link = await h.db
      .selectFrom('user_municipalities')
      .innerJoin('users', 'users.id', 'user_municipalities.user_id')
      .select(['users.username', 'municipality_nis'])
      .orderBy('users.username')
      .execute();
    expect(link).toEqual([
      { username: 'ocmw-geel', municipality_nis: '13008' },
      { username: 'ocmw-mechelen', municipality_nis: '12025' },
      { username: 'ocmw-turnhout', municipality_nis: '13040' },
    ]);
  });
});

describe('seedRegionIfEmpty', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await fresh();
  });
  afterEach(async () => {
    await h.close();
  });

  it('seeds region, municipalities and OCMWs but no demo data', async () => {
    expect(await seedRegionIfEmpty(h.db, 'kempen')).toEqual({ seeded: true });
    const region = await h.db.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(region.settings).toHaveProperty('officeHours');
    expect(await h.db.selectFrom('ocmws').select('id').execute()).toHaveLength(565);
    const turnhout = await h.db
      .selectFrom('ocmws')
      .select('name')
      .where('municipality_nis', '=', '13040')
      .executeTakeFirstOrThrow();
    expect(turnhout.name).toBe('Sociaal Huis Turnhout'); // the region's data, not the generated name
    expect(await h.db.selectFrom('places').select('id').execute()).toHaveLength(0);
    expect(await h.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    expect(await seedDemo(h.db, { hashPassword })).toEqual({ seeded: false });
  });
});

describe('the demo worker is on duty tonight, whatever the day the demo is seeded', () => {
  // Expected: the rota calculator (not the seed's arithmetic) names `permanentie` on the primary line
  // at every out-of-hours instant from the seeding moment to the next morning's 08:30 handover.
  // `tonight` is worked out by hand for each case (Brussels wall time).
  const cases = [
    { now: '2026-12-06T01:22:00Z', label: 'Sunday 02:22, a weekend night', nightEnds: '2026-12-07T07:30:00Z' },
    {
      now: '2026-12-07T06:00:00Z',
      label: 'Monday 07:00, before the handover: the night still running',
      nightEnds: '2026-12-07T07:30:00Z',
    },
    {
      now: '2026-12-07T08:00:00Z',
      label: 'Monday 09:00, after the handover: the coming evening',
      nightEnds: '2026-12-08T07:30:00Z',
    },
    { now: '2026-12-09T14:00:00Z', label: 'Wednesday 15:00, office hours', nightEnds: '2026-12-10T07:30:00Z' },
    { now: '2026-10-25T01:30:00Z', label: 'the autumn clock change', nightEnds: '2026-10-26T07:30:00Z' },
    { now: '2025-11-12T19:00:00Z', label: "before the rota's own first Monday", nightEnds: '2025-11-13T07:30:00Z' },
  ];
  for (const c of cases) {
    it(c.label, async () => {
      const h = await fresh();
      try {
        expect(await seedDemo(h.db, { hashPassword, now: new Date(c.now) })).toEqual({ seeded: true });
        const rota = await loadRota(h.db, 'kempen');
        const sofie = (
          await h.db.selectFrom('users').select('id').where('username', '=', 'permanentie').executeTakeFirstOrThrow()
        ).id;
        const start = Date.parse(c.now);
        const end = Date.parse(c.nightEnds);
        let outOfHours = 0;
        for (let t = start; t < end; t += 15 * 60_000) {
          const duty = onDuty(rota, new Date(t));
          if (!duty.outOfHours) continue;
          outOfHours++;
          expect(duty.primary?.userId, new Date(t).toISOString()).toBe(sofie);
        }
        expect(outOfHours).toBeGreaterThanOrEqual(6); // the night itself was checked, not only office hours (Monday 07:00-08:30: 6 quarters)
        // A week and a half later it is someone else's turn: still a rota, not one person for ever.
        const nextWeek = onDuty(rota, new Date(end + 7 * 86_400_000 + 12 * 3_600_000));
        expect(nextWeek.outOfHours).toBe(true);
        expect(nextWeek.primary?.userId).not.toBe(sofie);
      } finally {
        await h.close();
      }
    });
  }

  it('without a seeding moment the team keeps its listed order from 5 January 2026', async () => {
    const h = await fresh();
    try {
      await seedDemo(h.db, { hashPassword });
      const r = await h.db
        .selectFrom('rota_rotations')
        .select(['members', 'start_date'])
        .where('slot', '=', 'primary')
        .executeTakeFirstOrThrow();
      const byId = new Map(
        (await h.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]),
      );
      expect(r.start_date).toBe('2026-01-05');
      expect((r.members as string[]).map((id) => byId.get(id))).toEqual([
        'permanentie',
        'an.peeters',
        'jan.janssens',
        'lotte.vermeulen',
      ]);
    } finally {
      await h.close();
    }
  });
});
