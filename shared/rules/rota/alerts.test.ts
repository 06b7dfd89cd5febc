import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION_OFFICE_HOURS } from '../office-hours';
import { dueNightGapAlerts } from './alerts';
import type { Rota, Rotation } from './model';

// One worker covers the primary line from Monday 5 January 2026 until (exclusive) the end date.
const until = (endDate: string): Rota => ({
  calendar: DEFAULT_REGION_OFFICE_HOURS,
  overrides: [],
  swaps: [],
  rotations: [
    {
      id: 'r',
      slot: 'primary',
      members: ['a'],
      startDate: '2026-01-05',
      handoverTime: '08:30',
      every: { unit: 'week', count: 1 },
      endDate,
    } satisfies Rotation,
  ],
});

describe('dueNightGapAlerts', () => {
  // Nobody from Tuesday 20 October 08:30: the night of Tuesday 20 is the first uncovered night.
  const rota = until('2026-10-20');

  it('is not due before the alert time of the day the night begins', () => {
    expect(dueNightGapAlerts(rota, new Date('2026-10-20T11:59:00Z'), '14:00')).toEqual([]); // 13:59 local
  });

  it('is due from the alert time, listing the night from 17:00', () => {
    const [alert, ...rest] = dueNightGapAlerts(rota, new Date('2026-10-20T12:00:00Z'), '14:00'); // 14:00 local
    expect(rest).toEqual([]);
    expect(alert?.night).toEqual({
      date: '2026-10-20',
      start: '2026-10-20T12:00:00+02:00',
      end: '2026-10-21T12:00:00+02:00',
    });
    expect(alert?.gaps.map((g) => [g.start, g.end])).toEqual([
      ['2026-10-20T17:00:00+02:00', '2026-10-21T08:30:00+02:00'],
    ]);
  });

  it('keeps the running night in view after midnight, only with what is still ahead', () => {
    const alerts = dueNightGapAlerts(rota, new Date('2026-10-21T01:00:00Z'), '14:00'); // 03:00 local
    expect(alerts.map((a) => a.night.date)).toEqual(['2026-10-20']);
    expect(alerts[0]?.gaps[0]?.start).toBe('2026-10-21T03:00:00+02:00');
  });

  it('says nothing about a night that is covered', () => {
    expect(dueNightGapAlerts(until('2027-01-01'), new Date('2026-10-20T15:00:00Z'), '14:00')).toEqual([]);
  });

  it('the fall-back night is 25 hours long and starts its gap at Saturday noon', () => {
    const weekend = until('2026-10-24'); // ends Saturday 24 October 08:30
    const [alert] = dueNightGapAlerts(weekend, new Date('2026-10-24T13:00:00Z'), '14:00'); // Saturday 15:00 local
    expect(alert?.night).toEqual({
      date: '2026-10-24',
      start: '2026-10-24T12:00:00+02:00',
      end: '2026-10-25T12:00:00+01:00',
    });
    expect(Date.parse(alert!.night.end) - Date.parse(alert!.night.start)).toBe(25 * 3_600_000);
    expect(alert?.gaps.map((g) => [g.start, g.end])).toEqual([
      ['2026-10-24T15:00:00+02:00', '2026-10-25T12:00:00+01:00'],
    ]);
  });
});
