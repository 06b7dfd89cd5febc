// Percentiles from counted values, as PostgreSQL's percentile_cont computes them from the values
// themselves: the value at position f x (n - 1) of the sorted values, interpolated linearly between
// its neighbours. A figure query can then count values per distinct value in one scan shared with
// other figures, instead of sorting every value again in a query of its own.

/**
 * [value, how many times it occurs]; any order, counts > 0.
 * @public
 */
export type Counted = readonly [value: number, count: number];

/**
 * The f-th continuous percentile (0 <= f <= 1) of the counted values; null when there are none.
 * @public
 */
export function percentileCont(counted: readonly Counted[], f: number): number | null {
  const sorted = [...counted].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const pos = f * (total - 1);
  const lo = valueAt(sorted, Math.floor(pos));
  const hi = valueAt(sorted, Math.ceil(pos));
  return lo + (pos - Math.floor(pos)) * (hi - lo);
}

/**
 * The mean of the counted values; null when there are none.
 * @public
 */
export function meanOf(counted: readonly Counted[]): number | null {
  let total = 0;
  let sum = 0;
  for (const [v, n] of counted) {
    total += n;
    sum += v * n;
  }
  return total === 0 ? null : sum / total;
}

/** The value at 0-based index i of the sorted expansion of the counted values. */
function valueAt(sorted: readonly Counted[], i: number): number {
  let seen = 0;
  for (const [v, n] of sorted) {
    seen += n;
    if (i < seen) return v;
  }
  return sorted[sorted.length - 1]![0];
}
