import { describe, expect, it } from 'vitest';
import { nightBounds, nightOf } from './night';

describe('nightOf', () => {
  it('turns at noon Brussels time, summer and winter', () => {
    expect(nightOf('2026-07-10T09:59:59Z')).toBe('2026-07-09'); // 11:59:59 CEST
    expect(nightOf('2026-07-10T10:00:00Z')).toBe('2026-07-10'); // 12:00 CEST
    expect(nightOf('2026-01-10T10:59:00Z')).toBe('2026-01-09'); // 11:59 CET
    expect(nightOf('2026-01-10T11:00:00Z')).toBe('2026-01-10');
    expect(nightOf('2026-01-10T23:30:00Z')).toBe('2026-01-10'); // 00:30 on the 11th, still the night of the 10th
  });

  it('the nights of the clock changes last 23 and 25 hours', () => {
    const hours = (d: string) => {
      const b = nightBounds(d);
      return b.end.diff(b.start, 'hours').hours;
    };
    expect(hours('2026-03-28')).toBe(23);
    expect(hours('2026-10-24')).toBe(25);
    expect(hours('2026-06-01')).toBe(24);
    // Both passes of the repeated hour 02:30 on 25 October 2026 belong to the night of the 24th.
    expect(nightOf('2026-10-25T00:30:00Z')).toBe('2026-10-24');
    expect(nightOf('2026-10-25T01:30:00Z')).toBe('2026-10-24');
  });
});
