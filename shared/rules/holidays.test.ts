import { describe, expect, it } from 'vitest';
import { isPublicHoliday, publicHolidays } from './holidays';
import { isOpen, DEFAULT_REGION_OFFICE_HOURS } from './office-hours';
import { atLocal } from './wall-clock';

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of date-holidays.
function easter(y: number): { m: number; d: number } {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}
const plusDays = (y: number, m: number, d: number, n: number) =>
  new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);

// Looked up, not computed: Easter Monday, Ascension, Whit Monday.
const MOVABLE: Record<number, [string, string, string]> = {
  2025: ['2025-04-21', '2025-05-29', '2025-06-09'],
  2026: ['2026-04-06', '2026-05-14', '2026-05-25'],
  2027: ['2027-03-29', '2027-05-06', '2027-05-17'],
  2028: ['2028-04-17', '2028-05-25', '2028-06-05'],
  2029: ['2029-04-02', '2029-05-10', '2029-05-21'],
  2030: ['2030-04-22', '2030-05-30', '2030-06-10'],
};

function expected(y: number): string[] {
  const movable = MOVABLE[y];
  if (!movable) throw new Error(`no literal dates for ${y}`);
  return [
    `${y}-01-01`,
    ...movable,
    `${y}-05-01`,
    `${y}-07-21`,
    `${y}-08-15`,
    `${y}-11-01`,
    `${y}-11-11`,
    `${y}-12-25`,
  ].sort();
}

describe('Belgian public holidays', () => {
  for (let y = 2025; y <= 2030; y++) {
    it(`${y}: exactly the 10 legal days, all closed`, () => {
      const e = easter(y);
      expect(MOVABLE[y]).toEqual([plusDays(y, e.m, e.d, 1), plusDays(y, e.m, e.d, 39), plusDays(y, e.m, e.d, 50)]);
      const list = publicHolidays(y);
      expect(list.map((h) => h.date)).toEqual(expected(y));
      expect(list.every((h) => h.name.length > 0)).toBe(true);
      for (const date of expected(y)) {
        expect(isPublicHoliday(date)).toBe(true);
        expect(isOpen(DEFAULT_REGION_OFFICE_HOURS, atLocal(date, '10:00'))).toBe(false);
        // unless the calendar explicitly ignores public holidays (weekdays only)
        const ignoring = { ...DEFAULT_REGION_OFFICE_HOURS, observePublicHolidays: false };
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        expect(isOpen(ignoring, atLocal(date, '10:00'))).toBe(weekday >= 1 && weekday <= 5);
      }
    });

    it(`${y}: 11 Jul, 2 Nov, 15 Nov, 26 Dec, Good Friday are not public holidays but can be closure days`, () => {
      const e = easter(y);
      const days = [`${y}-07-11`, `${y}-11-02`, `${y}-11-15`, `${y}-12-26`, plusDays(y, e.m, e.d, -2)];
      for (const date of days) {
        expect(isPublicHoliday(date)).toBe(false);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        const at = atLocal(date, '10:00');
        expect(isOpen(DEFAULT_REGION_OFFICE_HOURS, at)).toBe(weekday >= 1 && weekday <= 5);
        expect(isOpen({ ...DEFAULT_REGION_OFFICE_HOURS, closureDays: [date] }, at)).toBe(false);
      }
      expect(isPublicHoliday(plusDays(y, e.m, e.d, 0))).toBe(false); // Easter Sunday: observance only
    });
  }

  it('returns copies, so callers cannot corrupt the cache', () => {
    const list = publicHolidays(2026);
    list.pop();
    expect(publicHolidays(2026)).toHaveLength(10);
  });

  it('rejects malformed dates', () => {
    expect(() => isPublicHoliday('2025-7-21')).toThrow(/YYYY-MM-DD/);
  });
});
