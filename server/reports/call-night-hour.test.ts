// The night and wall-clock hour PostgreSQL keeps on every call (migration 021) are the shared rules'
// (nightOf, the Brussels hour), across both clock changes and the noon that ends a night.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightOf } from '../../shared/rules/night';
import { toZoned } from '../../shared/rules/wall-clock';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(() => d.drop());

const isoDate = (v: Date | string) =>
  typeof v === 'string'
    ? v.slice(0, 10)
    : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;

describe('a call keeps its night and local hour', () => {
  it('as the shared rules count them, on both clock changes and around noon', async () => {
    const instants = [
      // spring forward, 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC)
      '2026-03-29T00:30:00Z',
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-03-29T01:30:00Z',
      // fall back, 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens twice
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-10-25T02:30:00Z',
      // the night turns at 12:00 local: 10:59:59 and 11:00 UTC in winter, 09:59:59 and 10:00 in summer
      '2026-01-15T10:59:59Z',
      '2026-01-15T11:00:00Z',
      '2026-07-15T09:59:59Z',
      '2026-07-15T10:00:00Z',
      '2026-12-31T23:30:00Z',
    ];
    await d.db
      .insertInto('calls')
      .values(
        instants.map((at, i) => ({
          call_sid: `CA${String(i).padStart(32, '0')}`,
          out_of_hours: true,
          chain: JSON.stringify([]),
          outcome: 'answered' as const,
          status: 'completed',
          started_at: new Date(at),
        })),
      )
      .execute();
    const rows = await d.db.selectFrom('calls').select(['started_at', 'night', 'local_hour']).execute();
    const got = rows
      .map((r) => ({ at: new Date(r.started_at).toISOString(), night: isoDate(r.night), hour: Number(r.local_hour) }))
      .sort((a, b) => a.at.localeCompare(b.at));
    const want = [...instants].sort().map((at) => ({
      at: new Date(at).toISOString(),
      night: nightOf(new Date(at)),
      hour: toZoned(new Date(at)).hour,
    }));
    expect(got).toEqual(want);
    // Spelled out where it matters: both 02:30s of the autumn change (00:30 and 01:30 UTC) are hour 2
    // of Saturday's night, and 02:30 UTC is 03:30 local.
    expect(got.filter((r) => r.at.startsWith('2026-10-25T0')).map((r) => [r.night, r.hour])).toEqual([
      ['2026-10-24', 2],
      ['2026-10-24', 2],
      ['2026-10-24', 3],
    ]);
  });
});
