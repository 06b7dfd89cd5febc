import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Calendar } from './calendar-schema';
import {
  DEFAULT_REGION_OFFICE_HOURS as REGION,
  EXAMPLE_OCMW_HOURS as OCMW,
  isOpen,
  isOutOfHours,
  nextChange,
  nextClosing,
  nextOpening,
  nextWorkingDay,
} from './office-hours';
import { atLocal } from './wall-clock';

// Expected instants are written as UTC literals so they do not depend on the zone code.
const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const at = (date: string, hhmm: string) => atLocal(date, hhmm);

describe('isOpen / isOutOfHours', () => {
  it('uses half-open intervals', () => {
    expect(isOpen(OCMW, at('2025-06-16', '08:59'))).toBe(false);
    expect(isOpen(OCMW, at('2025-06-16', '09:00'))).toBe(true);
    expect(isOpen(OCMW, at('2025-06-16', '11:29'))).toBe(true);
    expect(isOpen(OCMW, at('2025-06-16', '11:30'))).toBe(false);
    expect(isOutOfHours(REGION, at('2025-06-16', '17:00'))).toBe(true);
    expect(isOutOfHours(REGION, at('2025-06-14', '10:00'))).toBe(true); // Saturday
  });
  it('accepts a JS Date', () => {
    expect(isOpen(OCMW, new Date(utc(2025, 6, 16, 8)))).toBe(true); // 10:00 CEST
    expect(isOpen(OCMW, new Date(utc(2025, 12, 15, 8)))).toBe(true); // 09:00 CET
    expect(isOpen(OCMW, new Date(utc(2025, 12, 15, 7, 59)))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is `at` itself when open', () => {
    const t = at('2025-06-16', '10:15');
    expect(nextOpening(OCMW, t).toMillis()).toBe(t.toMillis());
    expect(nextWorkingDay(OCMW, t)).toBe('2025-06-16');
  });
  it('skips a weekend', () => {
    expect(nextOpening(OCMW, at('2025-06-13', '11:30')).toMillis()).toBe(utc(2025, 6, 16, 7)); // Mon 09:00 CEST
    expect(nextOpening(REGION, at('2025-06-13', '17:00')).toMillis()).toBe(utc(2025, 6, 16, 6, 30));
    expect(nextWorkingDay(OCMW, at('2025-06-14', '23:00'))).toBe('2025-06-16');
  });
  it('skips a long weekend: Friday 1 Nov 2030', () => {
    expect(nextOpening(OCMW, at('2030-10-31', '18:00')).toMillis()).toBe(utc(2030, 11, 4, 8)); // Mon 09:00 CET
  });
  it('skips Easter Monday 2025 but not Good Friday', () => {
    expect(nextOpening(OCMW, at('2025-04-17', '12:00')).toMillis()).toBe(utc(2025, 4, 18, 7));
    expect(nextOpening(OCMW, at('2025-04-18', '12:00')).toMillis()).toBe(utc(2025, 4, 22, 7));
  });
  it('skips Ascension Thursday', () => {
    expect(nextWorkingDay(OCMW, at('2025-05-28', '12:00'))).toBe('2025-05-30');
  });
  it('skips closure days in a row, Christmas to New Year', () => {
    const closed: Calendar = {
      ...OCMW,
      closureDays: ['2025-12-24', '2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31'],
    };
    expect(nextOpening(closed, at('2025-12-23', '12:00')).toMillis()).toBe(utc(2026, 1, 2, 8)); // Fri 2 Jan
    const longer: Calendar = { ...closed, closureDays: [...(closed.closureDays ?? []), '2026-01-02'] };
    expect(nextOpening(longer, at('2025-12-23', '12:00')).toMillis()).toBe(utc(2026, 1, 5, 8)); // Mon 5 Jan
  });
  it('October DST Sunday at 02:30, both occurrences, and Saturday night -> Monday 09:00 CET', () => {
    const first = at('2025-10-26', '02:30');
    const second = DateTime.fromISO('2025-10-26T02:30:00+01:00');
    expect(first.toMillis()).toBe(utc(2025, 10, 26, 0, 30));
    expect(second.toMillis()).toBe(utc(2025, 10, 26, 1, 30));
    for (const t of [first, second, at('2025-10-25', '23:00')]) {
      const r = nextOpening(OCMW, t);
      expect(r.toMillis()).toBe(utc(2025, 10, 27, 8));
      expect(r.toISO()).toBe('2025-10-27T09:00:00.000+01:00');
    }
  });
  it('March DST Sunday -> Monday 09:00 CEST', () => {
    for (const t of [at('2025-03-30', '02:30'), at('2025-03-30', '01:59'), at('2025-03-29', '23:00')]) {
      expect(nextOpening(OCMW, t).toISO()).toBe('2025-03-31T09:00:00.000+02:00');
    }
  });
  it('a lunch break', () => {
    const split: Calendar = {
      hours: {
        mon: [
          { start: '13:00', end: '16:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
    };
    expect(nextOpening(split, at('2025-06-16', '12:30')).toMillis()).toBe(utc(2025, 6, 16, 11));
    expect(nextChange(split, at('2025-06-16', '10:00')).toMillis()).toBe(utc(2025, 6, 16, 10));
  });
  it('throws on a calendar that never opens', () => {
    expect(() => nextOpening({ hours: {} }, at('2025-06-16', '10:00'))).toThrow(
      /no opening or closing within 400 days/,
    );
    const allClosed: Calendar = { hours: { mon: [{ start: '09:00', end: '10:00' }] }, closureDays: [] };
    expect(() => nextOpening({ ...allClosed, hours: { mon: [] } }, at('2025-06-16', '10:00'))).toThrow(/400 days/);
  });
});

describe('intervals on DST nights', () => {
  it('an interval inside the spring gap collapses; one across it is 30 minutes', () => {
    const gap: Calendar = { hours: { sun: [{ start: '02:00', end: '02:45' }] }, observePublicHolidays: false };
    expect(nextOpening(gap, at('2025-03-30', '00:00')).toMillis()).toBe(utc(2025, 4, 6, 0)); // next Sunday 02:00 CEST
    const across: Calendar = { hours: { sun: [{ start: '01:30', end: '02:30' }] } };
    const open = nextOpening(across, at('2025-03-30', '00:00'));
    expect(open.toMillis()).toBe(utc(2025, 3, 30, 0, 30));
    expect(nextClosing(across, open).toMillis() - open.toMillis()).toBe(30 * 60_000);
  });
  it('an interval 02:30-03:00 on the October night lasts 90 minutes', () => {
    const cal: Calendar = { hours: { sun: [{ start: '02:30', end: '03:00' }] } };
    const open = nextOpening(cal, at('2025-10-26', '00:00'));
    expect(open.toMillis()).toBe(utc(2025, 10, 26, 0, 30));
    expect(nextClosing(cal, open).toMillis()).toBe(utc(2025, 10, 26, 2, 0));
  });
});

describe('nextClosing / nextChange', () => {
  it('while open: the end of the window; while closed: the next opening', () => {
    expect(nextClosing(REGION, at('2025-06-16', '10:00')).toMillis()).toBe(utc(2025, 6, 16, 15));
    expect(nextChange(REGION, at('2025-06-16', '10:00')).toMillis()).toBe(utc(2025, 6, 16, 15));
    expect(nextChange(REGION, at('2025-06-13', '18:00')).toMillis()).toBe(utc(2025, 6, 16, 6, 30));
    expect(nextClosing(REGION, at('2025-06-13', '18:00')).toMillis()).toBe(utc(2025, 6, 16, 15));
  });
  it('merges windows that touch across midnight', () => {
    const weekend: Calendar = {
      hours: { sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] },
    };
    expect(nextClosing(weekend, at('2025-06-14', '10:00')).toMillis()).toBe(utc(2025, 6, 15, 22)); // Mon 00:00
    expect(isOpen(weekend, at('2025-06-15', '00:00'))).toBe(true);
    expect(isOpen(weekend, at('2025-06-16', '00:00'))).toBe(false);
  });
  it('an always-open calendar opens now but never closes', () => {
    const day = [{ start: '00:00', end: '24:00' }];
    const always: Calendar = {
      hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      observePublicHolidays: false,
    };
    const t = at('2025-12-25', '03:00');
    expect(nextOpening(always, t).toMillis()).toBe(t.toMillis());
    expect(() => nextClosing(always, t)).toThrow(/400 days/);
  });
});

describe('defaults', () => {
  it("are frozen, so one importer cannot change another one's calendar", () => {
    expect(() => (REGION.hours.mon ?? []).push({ start: '18:00', end: '19:00' })).toThrow();
    expect(() => (OCMW.closureDays ?? []).push('2025-12-26')).toThrow();
  });
});
