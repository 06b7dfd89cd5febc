// Nights of a placement and when the handoff falls due: weekends, every public holiday 2025-2030,
// an OCMW's own closure days, and both DST changes. Expected values are counted by hand or by a
// plain day-by-day walk over the calendar, not by the code under test.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../calendar-schema';
import { publicHolidays } from '../holidays';
import { guaranteeTerms } from './guarantee';

const zone = 'Europe/Brussels';
const OCMW: Calendar = {
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '11:30' }]])),
  closureDays: [],
};
const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();
const nineOn = (date: string) => DateTime.fromISO(`${date}T09:00`, { zone }).toUTC().toISO();

describe('guaranteeTerms', () => {
  it('a weeknight: one night, due the next morning at opening', () => {
    const t = guaranteeTerms(at('2026-11-24T22:15'), OCMW, 4500);
    expect(t).toEqual({
      firstNight: '2026-11-24',
      takeoverDate: '2026-11-25',
      nights: 1,
      dueAt: nineOn('2026-11-25'),
      costPerNightCents: 4500,
      totalCents: 4500,
    });
  });

  it('Friday 23:00 and Saturday 01:30 both give Friday, Saturday and Sunday night', () => {
    for (const when of ['2026-11-27T23:00', '2026-11-28T01:30']) {
      const t = guaranteeTerms(at(when), OCMW, 5000);
      expect([t.firstNight, t.takeoverDate, t.nights, t.totalCents]).toEqual(['2026-11-27', '2026-11-30', 3, 15000]);
    }
  });

  it('Saturday afternoon: two nights', () => {
    expect(guaranteeTerms(at('2026-11-28T15:00'), OCMW, 1000).nights).toBe(2);
  });

  it('early on a working day, before opening: last night only, due at 09:00 the same day', () => {
    const t = guaranteeTerms(at('2026-11-25T07:45'), OCMW, 1000);
    expect([t.firstNight, t.nights, t.dueAt]).toEqual(['2026-11-24', 1, nineOn('2026-11-25')]);
  });

  it('the evening before every public holiday 2025-2030 runs to the first working day after it', () => {
    for (let year = 2025; year <= 2030; year++) {
      const holidays = new Set(
        publicHolidays(year)
          .map((h) => h.date)
          .concat(publicHolidays(year + 1).map((h) => h.date)),
      );
      for (const h of publicHolidays(year)) {
        const eve = DateTime.fromISO(h.date, { zone }).minus({ days: 1 });
        let d = DateTime.fromISO(h.date, { zone }).plus({ days: 1 });
        while (d.weekday > 5 || holidays.has(d.toISODate()!)) d = d.plus({ days: 1 });
        const t = guaranteeTerms(eve.set({ hour: 21 }).toJSDate(), OCMW, 100);
        expect(t.takeoverDate, h.name).toBe(d.toISODate());
        expect(t.nights, h.name).toBe(Math.round(d.diff(eve, 'days').days));
        expect(t.dueAt, h.name).toBe(nineOn(d.toISODate()!));
      }
    }
  });

  it("an OCMW's own closure days (26 Dec, between Christmas and New Year) add nights", () => {
    const closed: Calendar = {
      ...OCMW,
      closureDays: ['2026-12-24', '2026-12-26', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
    };
    const t = guaranteeTerms(at('2026-12-23T20:00'), closed, 6000);
    // 24 closed, 25 holiday, 26-27 weekend/closed, 28-31 closed, 1 Jan holiday, 2-3 Jan weekend: Monday 4 Jan.
    expect([t.takeoverDate, t.nights, t.totalCents]).toEqual(['2027-01-04', 12, 72000]);
    expect(guaranteeTerms(at('2026-12-23T20:00'), OCMW, 6000).takeoverDate).toBe('2026-12-24');
  });

  it('October: the 25-hour night of Saturday 24 Oct 2026 is still one night each, due Monday 09:00 CET', () => {
    for (const when of ['2026-10-24T22:00:00+02:00', '2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']) {
      const t = guaranteeTerms(new Date(when), OCMW, 4000);
      expect([t.firstNight, t.takeoverDate, t.nights], when).toEqual(['2026-10-24', '2026-10-26', 2]);
      expect(t.dueAt).toBe('2026-10-26T08:00:00.000Z');
    }
  });

  it('March: the 23-hour night of Saturday 28 Mar 2026, due Monday 09:00 CEST', () => {
    const t = guaranteeTerms(new Date('2026-03-29T01:30:00+01:00'), OCMW, 4000);
    expect([t.firstNight, t.takeoverDate, t.nights, t.dueAt]).toEqual([
      '2026-03-28',
      '2026-03-30',
      2,
      '2026-03-30T07:00:00.000Z',
    ]);
  });
});
