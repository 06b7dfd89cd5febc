// The one accessor for the region's settings: what region.json says comes back typed, a broken row is
// refused with the field named, and a setting this code does not know yet is kept, not dropped.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db';
import { seedRegionIfEmpty } from '../seed/demo';
import { regionCalendar, regionSettings } from './settings';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.drop());

describe('region settings', () => {
  it('has none and an always-closed office before a region is seeded', async () => {
    expect(await regionSettings(database.db)).toEqual({});
    expect(await regionCalendar(database.db)).toEqual({ hours: {} });
  });

  it("returns the Kempen's settings as region.json gives them", async () => {
    await seedRegionIfEmpty(database.db, 'kempen');
    const s = await regionSettings(database.db);
    // Values from server/region/data/kempen/region.json.
    expect(s.rota).toEqual({ gapAlertTime: '14:00', shiftReminderMinutes: 60 });
    expect(s.board).toEqual({ staleAfterHours: 6 });
    expect(s.handoffs).toEqual({ escalateAfterHours: 2 });
    expect(s.dayNumber).toMatch(/^\+32\d{8,9}$/);
    expect((await regionCalendar(database.db)).hours).toBeDefined();
  });

  it('keeps a setting it does not know, and refuses a broken one naming the field', async () => {
    await seedRegionIfEmpty(database.db, 'kempen');
    await sql`update regions set settings = settings || '{"later": {"x": 1}}'::jsonb`.execute(database.db);
    expect(await regionSettings(database.db)).toMatchObject({ later: { x: 1 } });
    await sql`update regions set settings = jsonb_set(settings, '{board,staleAfterHours}', '"six"')`.execute(
      database.db,
    );
    await expect(regionSettings(database.db)).rejects.toThrow(/board\.staleAfterHours/);
  });
});
