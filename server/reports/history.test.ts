// The history generator: believable shape (pure, seeded) and consistent rows in a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionConfig } from '../region/region-config';
import { loadDemoDirectory, loadDemoPlaces } from '../seed/demo';
import { addDays, isoWeekday, localDate } from '../../shared/rules/wall-clock';
import { startTestServer, type TestServer } from '../../test/helpers/server';
import { emptyBatch, HistoryGenerator } from './history/generate';
import { nightWeight, seeded } from './history/model';
import { seedHistory } from './seed-history';

const hourFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' });
const localHour = (d: Date) => hourFormat.format(d);

describe('the shape of the generated history (two years, no database)', () => {
  const region = loadRegionConfig('kempen');
  const numbers = { police: [] as string[], hospital: [] as string[], service: [] as string[] };
  for (const d of loadDemoDirectory()) if (d.kind !== 'other') numbers[d.kind].push(d.number);
  const gen = new HistoryGenerator(
    {
      now: new Date('2030-01-01T00:00:00Z'),
      users: ['u'],
      numbers,
      regionCalendar: region.officeHours,
      municipalities: region.municipalities.map((m) => ({ nis: m.nis, population: m.population })),
      places: loadDemoPlaces().map((p, i) => ({
        id: `p${i}`,
        type: p.type,
        nis: p.municipalityNis,
        capacity: p.capacity,
        cost: p.costPerNightCents,
      })),
      ocmwCalendars: new Map(region.ocmws.map((o) => [o.municipalityNis, o.calendar])),
    },
    seeded(1),
  );
  const batch = emptyBatch();
  // The same means every night: the seasons and weekdays are nightWeight's job (tested below).
  for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) gen.night(d, 40, 8, batch);

  it('a winter night is busier than a summer one, a Saturday than a Tuesday, a later year than an earlier', () => {
    expect(nightWeight('2026-01-15', 0)).toBeGreaterThan(1.5 * nightWeight('2026-07-15', 0)); // both Thursdays
    expect(nightWeight('2026-03-07', 0)).toBeGreaterThan(1.3 * nightWeight('2026-03-03', 0));
    expect(nightWeight('2026-03-03', 5)).toBeGreaterThan(nightWeight('2026-03-03', 0));
  });

  it('calls peak in the evening, by the Brussels clock', () => {
    const hour = (h: number) => batch.calls.filter((c) => Number(localHour(c.started_at)) === h).length;
    expect(hour(22)).toBeGreaterThan(3 * hour(14));
    expect(hour(3)).toBeGreaterThan(hour(10));
  });

  it('most calls are answered; intakes follow answered calls, a few minutes later', () => {
    const answered = batch.calls.filter((c) => c.outcome === 'answered').length;
    expect(answered / batch.calls.length).toBeGreaterThan(0.75);
    const byId = new Map(batch.calls.map((c) => [c.id, c]));
    for (const i of batch.intakes.filter((x) => x.call_id)) {
      const call = byId.get(i.call_id!)!;
      expect(call.outcome).toBe('answered');
      expect(i.created_at.getTime()).toBeGreaterThan(call.answered_at!.getTime());
    }
  });

  it('households with children have children, and nothing personal is kept', () => {
    for (const i of batch.intakes) {
      expect(i.children > 0).toBe(
        ['moeder_met_kinderen', 'vader_met_kinderen', 'gezin_met_kinderen'].includes(i.household_type),
      );
      expect([i.person_name, i.story, i.birth_date]).toEqual(['X.', null, null]);
    }
    expect(batch.intakes.some((i) => i.household_type === 'alleenstaande_man')).toBe(true);
  });

  it('nights are mostly 1 to 3, and no unit of a place is ever given to two stays at once', () => {
    const nights = batch.guarantees.map((g) => g.nights);
    expect(nights.filter((n) => n <= 3).length / nights.length).toBeGreaterThan(0.95);
    const byUnit = new Map<string, [number, number][]>();
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    for (const g of batch.guarantees) {
      const hold = batch.holds.find((h) => h.id === g.hold_id)!;
      const key = `${hold.place_id}#${hold.unit_no}`;
      const list = byUnit.get(key) ?? byUnit.set(key, []).get(key)!;
      for (const [a, b] of list) expect(day(g.first_night) >= b || day(g.first_night) + g.nights <= a).toBe(true);
      list.push([day(g.first_night), day(g.first_night) + g.nights]);
    }
    // A placement late on a Friday night lasts until Monday, the OCMW's next working day.
    const late = (g: (typeof batch.guarantees)[number]) => {
      const h = Number(localHour(batch.holds.find((x) => x.id === g.hold_id)!.placed_at!));
      return h >= 20 || h < 6;
    };
    const friday = batch.guarantees.filter((g) => isoWeekday(g.first_night) === 5 && late(g));
    expect(friday.length).toBeGreaterThan(0);
    expect(friday.every((g) => g.nights >= 3)).toBe(true);
  });
});

describe('seeding a database', () => {
  let t: TestServer;
  const now = new Date('2026-11-23T10:00:00Z');
  beforeAll(async () => {
    t = await startTestServer({ seed: 'demo' });
  });
  afterAll(() => t.close());

  it('writes about the asked numbers in consistent rows, once', async () => {
    const result = await seedHistory(t.db.db, { years: 1, calls: 3000, intakes: 500, seed: 3, now });
    expect(result.calls).toBeGreaterThan(2700);
    expect(result.calls).toBeLessThan(3300);
    expect(result.intakes).toBeGreaterThan(400);
    expect(result.last).toBe(addDays(localDate(now), -8)); // a quiet week before now (the night of the 23rd began on the 22nd)
    const db = t.db.db;
    const orphans = await db
      .selectFrom('guarantees')
      .innerJoin('intakes', 'intakes.id', 'guarantees.intake_id')
      .where((eb) =>
        eb.or([eb('intakes.hold_id', 'is', null), eb('intakes.hold_id', '!=', eb.ref('guarantees.hold_id'))]),
      )
      .select('guarantees.id')
      .execute();
    expect(orphans).toEqual([]);
    const placed = await db
      .selectFrom('holds')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', 'in', ['held', 'placed'])
      .executeTakeFirstOrThrow();
    expect(Number(placed.n)).toBe(0); // nothing of it is on tonight's board
    // The demo rota starts on 5 Jan 2026; the history's year before that gets the same teams.
    const history = await db
      .selectFrom('rota_rotations')
      .select(['slot', 'start_date', 'end_date'])
      .where('end_date', 'is not', null)
      .execute();
    expect(history.map((r) => r.end_date)).toEqual(['2026-01-05', '2026-01-05', '2026-01-05']);
    expect(history.every((r) => r.start_date <= result.first && isoWeekday(r.start_date) === 1)).toBe(true);
    await expect(seedHistory(db, { years: 0.1, calls: 10, intakes: 1, seed: 3, now })).rejects.toThrow(
      /already has a generated history/,
    );
  });
});

describe('seeding several regions', () => {
  let t: TestServer;
  const now = new Date('2026-11-23T10:00:00Z');
  const regions = ['kempen', 'boom-mechelen-lier'];
  beforeAll(async () => {
    t = await startTestServer({ seed: 'demo', regions });
  });
  afterAll(() => t.close());

  it('fills each region with its own calls, intakes and placements in its own places, and refuses an unknown one', async () => {
    const db = t.db.db;
    await expect(
      seedHistory(db, { years: 0.2, calls: 10, intakes: 1, seed: 3, now, regions: ['nowhere'] }),
    ).rejects.toThrow(/Unknown region\(s\) nowhere/);
    const result = await seedHistory(db, { years: 0.5, calls: 1000, intakes: 200, seed: 3, now, regions });
    const calls = await db.selectFrom('calls').select('region_code').where('call_sid', 'like', 'HIST%').execute();
    expect(calls).toHaveLength(result.calls);
    for (const region of regions) {
      // Each region got about the asked numbers of its own (1,000 calls and 200 intakes).
      const own = calls.filter((c) => c.region_code === region).length;
      expect(own).toBeGreaterThan(900);
      expect(own).toBeLessThan(1100);
      const intakes = await db.selectFrom('intakes').select('id').where('region_code', '=', region).execute();
      expect(intakes.length).toBeGreaterThan(150);
    }
    // A placement is made in a place of the region whose desk recorded the intake.
    const crossed = await db
      .selectFrom('intakes')
      .innerJoin('holds', 'holds.id', 'intakes.hold_id')
      .innerJoin('places', 'places.id', 'holds.place_id')
      .whereRef('places.region_code', '!=', 'intakes.region_code')
      .where('intakes.status', '=', 'placed')
      .select('intakes.id')
      .execute();
    expect(crossed).toEqual([]);
  });
});
