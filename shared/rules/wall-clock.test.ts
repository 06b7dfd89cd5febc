import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addDays, atLocal, isoWeekday, localDate, toZoned } from './wall-clock';
import { nextOpening } from './office-hours';
import type { Calendar } from './calendar-schema';

// Independent of the code under test: Sakamoto's day-of-week (0 = Sunday) and the EU rule
// "last Sunday of March / October, at 01:00 UTC".
function dayOfWeek(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + (t[m - 1] ?? 0) + d) % 7;
}
const lastSunday = (y: number, m: 3 | 10) => 31 - dayOfWeek(y, m, 31); // March and October have 31 days
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const hours = (a: DateTime, b: DateTime) => (b.toMillis() - a.toMillis()) / 3_600_000;
// 17:00 -> 08:30 next morning on a 24-hour night: 7h to midnight + 8.5h = 15.5h.
const NIGHT = 24 - 17 + 8.5;

const everyDay17to0830: Calendar = {
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '08:30', end: '17:00' }]]),
  ),
  observePublicHolidays: false,
};

describe('DST transitions in Europe/Brussels, 2025-2035', () => {
  for (let y = 2025; y <= 2035; y++) {
    const march = lastSunday(y, 3);
    const october = lastSunday(y, 10);
    const spring = iso(y, 3, march);
    const fall = iso(y, 10, october);

    it(`${y}: spring forward on ${spring}`, () => {
      expect(dayOfWeek(y, 3, march)).toBe(0);
      // the offset really changes on that date and not the Sunday before
      expect(atLocal(spring, '01:00').offset).toBe(60);
      expect(atLocal(spring, '04:00').offset).toBe(120);
      expect(atLocal(iso(y, 3, march - 7), '04:00').offset).toBe(60);
      for (const t of ['02:00', '02:30', '02:59']) {
        const r = atLocal(spring, t);
        expect(r.toMillis()).toBe(Date.UTC(y, 2, march, 1, 0)); // 03:00 CEST = 01:00Z
        expect(r.toISO()).toBe(`${spring}T03:00:00.000+02:00`);
      }
      expect(atLocal(spring, '01:59').toMillis()).toBe(Date.UTC(y, 2, march, 0, 59));
      expect(atLocal(spring, '03:01').toMillis()).toBe(Date.UTC(y, 2, march, 1, 1));
      // a 23-hour day; the 17:00 -> 08:30 night is one hour shorter
      expect(hours(atLocal(spring, '00:00'), atLocal(addDays(spring, 1), '00:00'))).toBe(23);
      expect(hours(atLocal(addDays(spring, -1), '17:00'), atLocal(spring, '08:30'))).toBe(NIGHT - 1);
      expect(hours(atLocal(addDays(spring, -8), '17:00'), atLocal(addDays(spring, -7), '08:30'))).toBe(NIGHT);
      const closedAt = atLocal(addDays(spring, -1), '17:00');
      expect(hours(closedAt, nextOpening(everyDay17to0830, closedAt))).toBe(NIGHT - 1);
    });

    it(`${y}: fall back on ${fall}`, () => {
      expect(dayOfWeek(y, 10, october)).toBe(0);
      expect(atLocal(fall, '01:00').offset).toBe(120);
      expect(atLocal(fall, '04:00').offset).toBe(60);
      expect(atLocal(iso(y, 10, october - 7), '04:00').offset).toBe(120);
      for (const [t, h, m] of [
        ['02:00', 0, 0],
        ['02:30', 0, 30],
        ['02:59', 0, 59],
      ] as const) {
        const r = atLocal(fall, t);
        expect(r.toMillis()).toBe(Date.UTC(y, 9, october, h, m)); // earlier occurrence, CEST
        expect(r.offset).toBe(120);
        expect(r.toISO()).toBe(`${fall}T${t}:00.000+02:00`);
      }
      expect(atLocal(fall, '03:00').toMillis()).toBe(Date.UTC(y, 9, october, 2, 0));
      expect(atLocal(fall, '03:00').offset).toBe(60);
      expect(hours(atLocal(fall, '02:30'), atLocal(fall, '03:00'))).toBe(1.5);
      expect(hours(atLocal(fall, '00:00'), atLocal(addDays(fall, 1), '00:00'))).toBe(25);
      expect(hours(atLocal(addDays(fall, -1), '17:00'), atLocal(fall, '08:30'))).toBe(NIGHT + 1);
      expect(hours(atLocal(addDays(fall, 6), '17:00'), atLocal(addDays(fall, 7), '08:30'))).toBe(NIGHT);
      const closedAt = atLocal(addDays(fall, -1), '17:00');
      expect(hours(closedAt, nextOpening(everyDay17to0830, closedAt))).toBe(NIGHT + 1);
    });
  }
});

describe('wall-clock helpers', () => {
  it('24:00 is midnight of the next day', () => {
    expect(atLocal('2025-12-31', '24:00').toISO()).toBe('2026-01-01T00:00:00.000+01:00');
  });
  it('rejects bad dates and times', () => {
    expect(() => atLocal('2025-02-29', '10:00')).toThrow(/YYYY-MM-DD/);
    expect(() => atLocal('2025-02-28', '9:00')).toThrow(/HH:mm/);
    expect(() => atLocal('2025-02-28', '24:30')).toThrow(/HH:mm/);
  });
  it('weekday and date arithmetic', () => {
    expect(isoWeekday('2025-10-26')).toBe(7);
    expect(isoWeekday('2025-10-27')).toBe(1);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('toZoned accepts Date, ms, absolute ISO and Brussels wall-time ISO', () => {
    const ms = Date.UTC(2025, 6, 1, 22, 30); // 00:30 on 2 Jul in Brussels
    expect(toZoned(new Date(ms)).toISO()).toBe('2025-07-02T00:30:00.000+02:00');
    expect(toZoned(ms).toISO()).toBe('2025-07-02T00:30:00.000+02:00');
    expect(toZoned('2025-07-01T22:30:00Z').toMillis()).toBe(ms);
    expect(toZoned('2025-07-02T00:30').toMillis()).toBe(ms);
    expect(toZoned('2025-03-30T02:30').toMillis()).toBe(Date.UTC(2025, 2, 30, 1, 0)); // gap rule
    expect(localDate(new Date(ms))).toBe('2025-07-02');
    expect(() => toZoned('not a date')).toThrow(/not a valid instant/);
  });
});
