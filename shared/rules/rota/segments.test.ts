import { describe, expect, it } from 'vitest';
import type { Rota, Rotation } from './model';
import { gaps, segments, shiftsOf, wholeShiftsOf } from './segments';
import { DEFAULT_REGION_OFFICE_HOURS } from '../office-hours';

const primary: Rotation = {
  id: 'p',
  slot: 'primary',
  members: ['a', 'b'],
  startDate: '2025-03-03',
  handoverTime: '09:00',
  every: { unit: 'week', count: 1 },
};
const backup: Rotation = {
  id: 'b',
  slot: 'backup',
  members: ['c', 'd'],
  startDate: '2025-03-07',
  handoverTime: '20:00',
  every: { unit: 'day', count: 1 },
};
const rota: Rota = { calendar: DEFAULT_REGION_OFFICE_HOURS, rotations: [primary, backup], overrides: [], swaps: [] };
// Fri 7 Mar 2025 00:00 to Tue 11 Mar 00:00 (office hours Mon-Fri 08:30-17:00).
const FROM = '2025-03-07T00:00:00+01:00';
const TO = '2025-03-11T00:00:00+01:00';
const seg = (start: string, end: string, p: string | null, b: string | null) => ({
  start: `2025-03-${start}+01:00`,
  end: `2025-03-${end}+01:00`,
  primary: p,
  backup: b,
  coordinator: null,
});

describe('segments', () => {
  it('splits out-of-hours time at every change and skips office hours', () => {
    expect(segments(rota, FROM, TO)).toEqual([
      seg('07T00:00:00', '07T08:30:00', 'a', null),
      seg('07T17:00:00', '07T20:00:00', 'a', null),
      seg('07T20:00:00', '08T20:00:00', 'a', 'c'),
      seg('08T20:00:00', '09T20:00:00', 'a', 'd'),
      seg('09T20:00:00', '10T08:30:00', 'a', 'c'),
      // the primary handover at Mon 09:00 happens in office hours
      seg('10T17:00:00', '10T20:00:00', 'b', 'c'),
      seg('10T20:00:00', '11T00:00:00', 'b', 'd'),
    ]);
  });

  it('accepts Date and epoch inputs and an empty range', () => {
    const fromDate = new Date('2025-03-07T23:00:00Z');
    expect(segments(rota, fromDate, Date.parse('2025-03-08T01:00:00Z'))).toEqual([
      seg('08T00:00:00', '08T02:00:00', 'a', 'c'),
    ]);
    expect(segments(rota, TO, FROM)).toEqual([]);
    expect(() => segments(rota, '2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toThrow(/longer than 400 days/);
  });

  it('ends a turn at 03:00+02:00 across the spring gap, with a calendar that never opens', () => {
    const r: Rota = {
      calendar: { hours: {} },
      overrides: [],
      swaps: [],
      rotations: [
        {
          id: 'n',
          slot: 'primary',
          members: ['a', 'b'],
          startDate: '2025-03-29',
          handoverTime: '02:30',
          every: { unit: 'day', count: 1 },
        },
      ],
    };
    expect(segments(r, '2025-03-29T12:00:00+01:00', '2025-03-31T12:00:00+02:00')).toEqual([
      {
        start: '2025-03-29T12:00:00+01:00',
        end: '2025-03-30T03:00:00+02:00',
        primary: 'a',
        backup: null,
        coordinator: null,
      },
      {
        start: '2025-03-30T03:00:00+02:00',
        end: '2025-03-31T02:30:00+02:00',
        primary: 'b',
        backup: null,
        coordinator: null,
      },
      {
        start: '2025-03-31T02:30:00+02:00',
        end: '2025-03-31T12:00:00+02:00',
        primary: 'a',
        backup: null,
        coordinator: null,
      },
    ]);
  });

  it('a month of segments takes well under 50 ms', () => {
    const busy: Rota = {
      ...rota,
      rotations: [
        ...rota.rotations,
        {
          id: 'c',
          slot: 'coordinator',
          members: ['k', 'l', 'm'],
          startDate: '2020-01-06',
          handoverTime: '02:30',
          every: { unit: 'week', count: 1 },
        },
      ],
      overrides: Array.from({ length: 40 }, (_, i) => ({
        id: `o${i}`,
        slot: 'primary' as const,
        userId: `u${i}`,
        start: new Date(Date.UTC(2025, 9, 1) + i * 86_400_000).toISOString(),
        end: new Date(Date.UTC(2025, 9, 1, 5) + i * 86_400_000).toISOString(),
      })),
    };
    segments(busy, '2025-10-01T00:00:00+02:00', '2025-11-01T00:00:00+01:00'); // warm up (holiday tables, Intl)
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const out = segments(busy, `2025-${10 + (i % 2)}-01T00:00:00+01:00`, `2025-${11 + (i % 2)}-01T00:00:00+01:00`);
      times.push(performance.now() - t);
      expect(out.length).toBeGreaterThan(40);
    }
    expect(Math.min(...times)).toBeLessThan(50);
  });
});

describe('gaps', () => {
  it('lists shifts with nobody on them and, apart, missing backup or coordinator', () => {
    const late: Rota = { ...rota, rotations: [{ ...primary, startDate: '2025-03-08' }, backup] };
    const g = gaps(late, FROM, '2025-03-08T12:00:00+01:00');
    expect(g.noPrimary).toEqual([
      seg('07T00:00:00', '07T08:30:00', null, null),
      seg('07T17:00:00', '07T20:00:00', null, null),
      seg('07T20:00:00', '08T09:00:00', null, 'c'),
    ]);
    expect(g.warnings).toEqual([{ ...seg('08T09:00:00', '08T12:00:00', 'a', 'c'), missing: ['coordinator'] }]);
  });

  it('is empty when all three slots are covered', () => {
    const full: Rota = {
      ...rota,
      rotations: [
        ...rota.rotations,
        {
          id: 'c',
          slot: 'coordinator',
          members: ['k'],
          startDate: '2025-01-01',
          handoverTime: '00:00',
          every: { unit: 'week', count: 1 },
        },
      ],
    };
    expect(gaps(full, '2025-03-08T00:00:00+01:00', TO)).toEqual({ noPrimary: [], warnings: [] });
  });
});

describe('shiftsOf', () => {
  it("joins a worker's touching segments per slot and leaves office hours out", () => {
    expect(shiftsOf(rota, 'a', FROM, TO)).toEqual([
      { start: '2025-03-07T00:00:00+01:00', end: '2025-03-07T08:30:00+01:00', slot: 'primary' },
      { start: '2025-03-07T17:00:00+01:00', end: '2025-03-10T08:30:00+01:00', slot: 'primary' },
    ]);
    expect(shiftsOf(rota, 'c', FROM, TO)).toEqual([
      { start: '2025-03-07T20:00:00+01:00', end: '2025-03-08T20:00:00+01:00', slot: 'backup' },
      { start: '2025-03-09T20:00:00+01:00', end: '2025-03-10T08:30:00+01:00', slot: 'backup' },
      { start: '2025-03-10T17:00:00+01:00', end: '2025-03-10T20:00:00+01:00', slot: 'backup' },
    ]);
    expect(shiftsOf(rota, 'nobody', FROM, TO)).toEqual([]);
  });

  it('lists one entry per slot when a worker holds two at once', () => {
    const both: Rota = {
      ...rota,
      overrides: [
        { id: 'o', slot: 'backup', userId: 'a', start: '2025-03-08T10:00:00+01:00', end: '2025-03-08T11:00:00+01:00' },
      ],
    };
    expect(shiftsOf(both, 'a', '2025-03-08T09:00:00+01:00', '2025-03-08T12:00:00+01:00')).toEqual([
      { start: '2025-03-08T09:00:00+01:00', end: '2025-03-08T12:00:00+01:00', slot: 'primary' },
      { start: '2025-03-08T10:00:00+01:00', end: '2025-03-08T11:00:00+01:00', slot: 'backup' },
    ]);
  });
});

describe('wholeShiftsOf', () => {
  it('gives a shift running across the range edges whole, however long (a calendar that never opens)', () => {
    // Four-week turns from Monday 3 March 2025 09:00; a's first turn ends 31 March 09:00, after the
    // spring-forward of 30 March, so at +02:00.
    const r: Rota = {
      calendar: { hours: {} },
      overrides: [],
      swaps: [],
      rotations: [
        {
          id: 'n',
          slot: 'primary',
          members: ['a', 'b'],
          startDate: '2025-03-03',
          handoverTime: '09:00',
          every: { unit: 'week', count: 4 },
        },
      ],
    };
    const whole = { start: '2025-03-03T09:00:00+01:00', end: '2025-03-31T09:00:00+02:00', slot: 'primary' };
    expect(wholeShiftsOf(r, 'a', '2025-03-20T00:00:00+01:00', '2025-03-21T00:00:00+01:00')).toEqual([whole]);
    expect(wholeShiftsOf(r, 'a', '2025-03-04T00:00:00+01:00', '2025-03-05T00:00:00+01:00')).toEqual([whole]);
    expect(shiftsOf(r, 'a', '2025-03-20T00:00:00+01:00', '2025-03-21T00:00:00+01:00')[0]!.start).toBe(
      '2025-03-20T00:00:00+01:00',
    );
  });
});
