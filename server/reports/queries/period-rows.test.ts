import { describe, expect, it } from 'vitest';
import { dateOfDay, nightRange, nightsWithin, sumBy } from './period-rows';

/** Each night of a stay that falls in [from, to], by date, as the timeline spreads them. */
function stayNights(first: string, nights: number, from: string, to: string): string[] {
  const { start, end } = nightRange(first, nights, from, to);
  return Array.from({ length: Math.max(0, end - start) }, (_, k) => dateOfDay(start + k));
}

describe("a stay's nights in a period", () => {
  it('counts only the nights that fall in it, so a stay across a month end counts in both months', () => {
    // Nights of 30 and 31 January, 1 and 2 February.
    expect(nightsWithin('2026-01-30', 4, '2026-01-01', '2026-01-31')).toBe(2);
    expect(nightsWithin('2026-01-30', 4, '2026-02-01', '2026-02-28')).toBe(2);
    expect(stayNights('2026-01-30', 4, '2026-02-01', '2026-02-28')).toEqual(['2026-02-01', '2026-02-02']);
  });

  it('a stay ending before the period, or starting after it, has none in it', () => {
    expect(nightsWithin('2025-12-31', 1, '2026-01-01', '2026-01-31')).toBe(0);
    expect(nightsWithin('2026-02-01', 3, '2026-01-01', '2026-01-31')).toBe(0);
    expect(stayNights('2025-12-30', 2, '2026-01-01', '2026-01-31')).toEqual([]);
  });

  it('counts whole nights across the clock change (25 October 2026 is 25 hours long)', () => {
    expect(nightsWithin('2026-10-24', 3, '2026-10-25', '2026-10-31')).toBe(2);
    expect(stayNights('2026-10-24', 3, '2026-10-25', '2026-10-31')).toEqual(['2026-10-25', '2026-10-26']);
  });

  it('sums by a key, leaving out rows without one', () => {
    const rows = [
      { k: 'a', n: 2 },
      { k: null, n: 5 },
      { k: 'a', n: 3 },
      { k: 'b', n: 1 },
    ];
    expect(
      sumBy(
        rows,
        (r) => r.k,
        (r) => r.n,
      ),
    ).toEqual(
      new Map([
        ['a', 5],
        ['b', 1],
      ]),
    );
  });
});
