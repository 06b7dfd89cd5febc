import { describe, expect, it } from 'vitest';
import { sumBy } from './period-rows';

describe('summing the period rows', () => {
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
