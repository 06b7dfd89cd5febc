// The growing delay of one (username, address) pair, computed by hand from the rule.
import { describe, expect, it } from 'vitest';
import { pairDelayMs } from './throttle';

describe('the delay of one (username, address) pair', () => {
  it('is none before LOGIN_MAX_FAILURES, then 1, 2, 4 ... minutes, capped at LOGIN_MAX_DELAY_MINUTES', () => {
    const policy = { maxFailures: 2, maxDelayMinutes: 3 };
    expect([1, 2, 3, 4, 5, 40].map((n) => pairDelayMs(n, policy) / 60_000)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(
      [5, 6, 7, 8, 9, 10, 11].map((n) => pairDelayMs(n, { maxFailures: 5, maxDelayMinutes: 60 }) / 60_000),
    ).toEqual([1, 2, 4, 8, 16, 32, 60]);
  });
});
