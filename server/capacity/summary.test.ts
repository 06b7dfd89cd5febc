import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server';
import { bedsSummary, shortName } from './summary';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('bedsSummary', () => {
  it('lists the free places of tonight in one message, and leaves out a taken one', async () => {
    const now = new Date('2026-10-24T21:40:00Z');
    const before = await bedsSummary(t.db.db, now);
    expect(before).toMatch(/^Vrij vannacht \(24\/10, 23:40\): /);
    expect(before).toContain('Noodwoning Dessel: 1');
    expect(before.length).toBeLessThanOrEqual(480);
    const dessel = await t.db.db
      .selectFrom('places')
      .select('id')
      .where('name', '=', 'Noodwoning Dessel')
      .executeTakeFirstOrThrow();
    const user = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'permanentie')
      .executeTakeFirstOrThrow();
    await t.db.db
      .insertInto('holds')
      .values({
        place_id: dessel.id,
        unit_no: 1,
        night: '2026-10-24',
        initials: 'X',
        household: JSON.stringify({ adults: 1, children: 0, needs: [] }),
        status: 'held',
        expires_at: new Date('2026-10-24T22:40:00Z'),
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    expect(await bedsSummary(t.db.db, now)).not.toContain('Dessel');
  });

  it('cuts a long list and says how many more', async () => {
    const text = await bedsSummary(t.db.db, new Date('2026-10-24T21:40:00Z'), 120);
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text).toMatch(/; \+\d+ meer$/);
  });

  it('names each place with its type once, never twice', () => {
    expect(shortName('caw_noodkamer', 'CAW gezinskamer Turnhout')).toBe('CAW gezinskamer Turnhout');
    expect(shortName('caw_noodkamer', 'CAW noodkamer Geel')).toBe('CAW Geel');
    expect(shortName('hotel', 'Hotel De Zwaan')).toBe('Hotel De Zwaan');
    expect(shortName('ocmw_noodwoning', 'Noodwoning Olen')).toBe('Noodwoning Olen');
    expect(shortName('crisisbed', 'Kliniek Mol')).toBe('Crisisbed Kliniek Mol');
  });
});
