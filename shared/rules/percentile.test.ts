import { describe, expect, it } from 'vitest';
import { meanOf, percentileCont } from './percentile';

describe('percentileCont (as PostgreSQL percentile_cont)', () => {
  it('interpolates between the two values around f x (n - 1)', () => {
    // Values 1, 2, 2, 10 (n = 4). Median: position 1.5, between 2 and 2 = 2.
    // p90: position 2.7, between 2 (index 2) and 10 (index 3): 2 + 0.7 x 8 = 7.6.
    const counted = [
      [10, 1],
      [2, 2],
      [1, 1],
    ] as const;
    expect(percentileCont(counted, 0.5)).toBe(2);
    expect(percentileCont(counted, 0.9)).toBeCloseTo(7.6, 10);
    expect(percentileCont(counted, 0)).toBe(1);
    expect(percentileCont(counted, 1)).toBe(10);
  });

  it('an even count between two distinct middles, one value, none', () => {
    // 3, 5: median at position 0.5 = 4.
    expect(
      percentileCont(
        [
          [5, 1],
          [3, 1],
        ],
        0.5,
      ),
    ).toBe(4);
    expect(percentileCont([[42, 7]], 0.9)).toBe(42);
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([[1, 0]], 0.5)).toBeNull();
  });

  it('mean of counted values', () => {
    // (1 + 2 + 2 + 10) / 4 = 3.75
    expect(
      meanOf([
        [1, 1],
        [2, 2],
        [10, 1],
      ]),
    ).toBe(3.75);
    expect(meanOf([])).toBeNull();
  });
});
