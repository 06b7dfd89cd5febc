import { describe, expect, it } from 'vitest';
import type { Rota, Rotation } from './model';
import { handoverAt, turnAt } from './handovers';
import { onDuty } from './on-duty';

// Last Sunday of a 31-day month (March, October), computed here with plain UTC dates.
function lastSunday(year: number, month0: number): number {
  for (let d = 31; ; d--) if (new Date(Date.UTC(year, month0, d)).getUTCDay() === 0) return d;
}
const ymd = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

const ALWAYS_OUT = { hours: {} }; // no office hours: every instant is out of hours
const rotaOf = (...rotations: Rotation[]): Rota => ({ calendar: ALWAYS_OUT, rotations, overrides: [], swaps: [] });
const weekly = (startDate: string, handoverTime: string): Rotation => ({
  id: 'w',
  slot: 'primary',
  members: ['a', 'b', 'c'],
  startDate,
  handoverTime,
  every: { unit: 'week', count: 1 },
});
const daily = (startDate: string, handoverTime: string): Rotation => ({
  id: 'd',
  slot: 'primary',
  members: ['a', 'b'],
  startDate,
  handoverTime,
  every: { unit: 'day', count: 1 },
});
const primaryAt = (rota: Rota, ms: number) => onDuty(rota, ms).primary?.userId ?? null;

describe('handovers follow the Brussels clock across every DST transition 2025-2035', () => {
  for (let y = 2025; y <= 2035; y++) {
    const spring = lastSunday(y, 2);
    const autumn = lastSunday(y, 9);

    it(`${y}: weekly 09:00 handover stays 09:00 local around ${ymd(y, 2, spring)} (08:00Z -> 07:00Z)`, () => {
      const rot = weekly(ymd(y, 2, spring - 21), '09:00'); // three Sundays before the change
      const rota = rotaOf(rot);
      const cases: [number, number][] = [
        [2, Date.UTC(y, 2, spring - 7, 8, 0)], // CET, +01:00
        [3, Date.UTC(y, 2, spring, 7, 0)], // CEST, +02:00: the change is at 01:00Z, before 09:00
        [4, Date.UTC(y, 2, spring + 7, 7, 0)],
      ];
      for (const [k, ms] of cases) {
        const h = handoverAt(rot, k);
        expect(h.toMillis()).toBe(ms);
        expect(h.toFormat('HH:mm')).toBe('09:00');
        expect(h.offset).toBe(k === 2 ? 60 : 120);
        expect(primaryAt(rota, ms - 1)).toBe(['a', 'b', 'c'][(k - 1) % 3]);
        expect(primaryAt(rota, ms)).toBe(['a', 'b', 'c'][k % 3]);
      }
    });

    it(`${y}: weekly 09:00 handover stays 09:00 local around ${ymd(y, 9, autumn)} (07:00Z -> 08:00Z)`, () => {
      const rot = weekly(ymd(y, 9, autumn - 14), '09:00');
      const rota = rotaOf(rot);
      expect(handoverAt(rot, 1).toMillis()).toBe(Date.UTC(y, 9, autumn - 7, 7, 0));
      expect(handoverAt(rot, 1).offset).toBe(120);
      expect(handoverAt(rot, 2).toMillis()).toBe(Date.UTC(y, 9, autumn, 8, 0));
      expect(handoverAt(rot, 2).offset).toBe(60);
      expect(primaryAt(rota, Date.UTC(y, 9, autumn, 8, 0) - 1)).toBe('b');
      expect(primaryAt(rota, Date.UTC(y, 9, autumn, 8, 0))).toBe('c');
      // The week spanning the change lasts 7 days and 1 hour.
      const turn = turnAt(rot, Date.UTC(y, 9, autumn - 1, 12));
      expect(turn?.end.toMillis()).toBe(Date.UTC(y, 9, autumn, 8, 0));
      expect(turn!.end.toMillis() - turn!.start.toMillis()).toBe((7 * 24 + 1) * 3_600_000);
    });

    it(`${y}: a 02:30 handover on the spring Sunday happens at 03:00 local (01:00Z)`, () => {
      const rot = daily(ymd(y, 2, spring - 2), '02:30');
      const rota = rotaOf(rot);
      expect(handoverAt(rot, 1).toMillis()).toBe(Date.UTC(y, 2, spring - 1, 1, 30)); // Saturday, CET
      expect(handoverAt(rot, 2).toMillis()).toBe(Date.UTC(y, 2, spring, 1, 0)); // 03:00 CEST
      expect(handoverAt(rot, 2).toFormat('HH:mm')).toBe('03:00');
      expect(handoverAt(rot, 3).toMillis()).toBe(Date.UTC(y, 2, spring + 1, 0, 30)); // Monday, CEST
      expect(primaryAt(rota, Date.UTC(y, 2, spring, 1, 0) - 1)).toBe('b');
      expect(primaryAt(rota, Date.UTC(y, 2, spring, 1, 0))).toBe('a');
      const sat = onDuty(rota, Date.UTC(y, 2, spring - 1, 12));
      expect(sat.primary?.until).toBe(`${ymd(y, 2, spring)}T03:00:00+02:00`);
      expect(sat.nextHandover).toBe(`${ymd(y, 2, spring)}T03:00:00+02:00`);
    });

    it(`${y}: a 02:30 handover on the autumn Sunday happens at the first 02:30 (00:30Z)`, () => {
      const rot = daily(ymd(y, 9, autumn - 2), '02:30');
      const rota = rotaOf(rot);
      expect(handoverAt(rot, 2).toMillis()).toBe(Date.UTC(y, 9, autumn, 0, 30));
      expect(handoverAt(rot, 3).toMillis()).toBe(Date.UTC(y, 9, autumn + 1, 1, 30)); // Monday 02:30 CET
      expect(primaryAt(rota, Date.UTC(y, 9, autumn, 0, 30) - 1)).toBe('b');
      expect(primaryAt(rota, Date.UTC(y, 9, autumn, 0, 30))).toBe('a');
      // The second 02:30 (01:30Z) is no handover: 'a' keeps it for 25 hours.
      expect(primaryAt(rota, Date.UTC(y, 9, autumn, 1, 30))).toBe('a');
      expect(primaryAt(rota, Date.UTC(y, 9, autumn + 1, 1, 30) - 1)).toBe('a');
      expect(primaryAt(rota, Date.UTC(y, 9, autumn + 1, 1, 30))).toBe('b');
      const sat = onDuty(rota, Date.UTC(y, 9, autumn - 1, 12));
      expect(sat.primary?.until).toBe(`${ymd(y, 9, autumn)}T02:30:00+02:00`);
      const sun = onDuty(rota, Date.UTC(y, 9, autumn, 12));
      expect(sun.primary?.until).toBe(`${ymd(y, 9, autumn + 1)}T02:30:00+01:00`);
    });
  }
});

describe('turn arithmetic far from the start', () => {
  const daysSince2000 = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000;
  const members = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'];

  it('a daily 07:00 rotation started in 2000 gives the right member decades later, without walking turns', () => {
    const rota = rotaOf({
      id: 'r',
      slot: 'primary',
      members,
      startDate: '2000-01-01',
      handoverTime: '07:00',
      every: { unit: 'day', count: 1 },
    });
    const dates = ['2030-01-15', '2033-03-27', '2038-07-04', '2041-10-27', '2045-12-31'];
    const started = performance.now();
    for (let i = 0; i < 40; i++) {
      for (const date of dates) {
        const noon = `${date}T12:00`; // local wall time, after the 07:00 handover
        const early = `${date}T06:59`; // before it: still yesterday's turn
        expect(onDuty(rota, noon).primary?.userId).toBe(members[daysSince2000(date) % 7]);
        expect(onDuty(rota, early).primary?.userId).toBe(members[(daysSince2000(date) + 6) % 7]);
      }
    }
    // 400 look-ups; walking ~15,000 turns each would take seconds.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a fortnightly rotation counts periods, not days', () => {
    const rot: Rotation = {
      id: 'r',
      slot: 'primary',
      members: ['a', 'b', 'c'],
      startDate: '2000-01-03',
      handoverTime: '09:00',
      every: { unit: 'week', count: 2 },
    };
    // 2040-06-04 is 14,763 days after 2000-01-03 = 1054 fortnights + 7 days: turn 1054, 1054 mod 3 = 1.
    expect(new Date(Date.UTC(2040, 5, 4)).getUTCDay()).toBe(1);
    expect((Date.UTC(2040, 5, 4) - Date.UTC(2000, 0, 3)) / 86_400_000).toBe(14_763);
    const turn = turnAt(rot, '2040-06-04T12:00');
    expect(turn?.turn).toBe(1054);
    expect(turn?.userId).toBe('b');
    expect(turn?.start.toISO()).toBe('2040-05-28T09:00:00.000+02:00');
    expect(turn?.end.toISO()).toBe('2040-06-11T09:00:00.000+02:00');
  });

  it('covers nobody before the first handover and from the end date on', () => {
    const rot: Rotation = { ...daily('2026-02-02', '08:00'), endDate: '2026-02-05' };
    expect(turnAt(rot, '2026-02-02T07:59')).toBeNull();
    expect(turnAt(rot, '2026-02-02T08:00')?.userId).toBe('a');
    expect(turnAt(rot, '2026-02-05T07:59')?.userId).toBe('a'); // turn 2 (2 Feb + 2 days)
    expect(turnAt(rot, '2026-02-05T07:59')?.end.toISO()).toBe('2026-02-05T08:00:00.000+01:00');
    expect(turnAt(rot, '2026-02-05T08:00')).toBeNull();
    // A weekly turn is cut short by an end date in the middle of the week.
    const wk: Rotation = { ...weekly('2026-02-02', '08:00'), endDate: '2026-02-12' };
    expect(turnAt(wk, '2026-02-11T12:00')?.userId).toBe('b');
    expect(turnAt(wk, '2026-02-11T12:00')?.end.toISO()).toBe('2026-02-12T08:00:00.000+01:00');
    expect(turnAt(wk, '2026-02-12T08:00')).toBeNull();
    expect(onDuty(rotaOf(wk), '2026-02-11T12:00').primary?.until).toBe('2026-02-12T08:00:00+01:00');
    expect(() => handoverAt(rot, -1)).toThrow(/turn must be a whole number >= 0/);
  });
});
