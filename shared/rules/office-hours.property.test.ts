import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Calendar, Interval, Weekday } from './calendar-schema';
import { DEFAULT_REGION_OFFICE_HOURS, EXAMPLE_OCMW_HOURS, isOpen, nextChange, nextOpening } from './office-hours';

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2035, 11, 31);
const instant = fc.integer({ min: FROM, max: TO });

// Random weekly calendars: per day 0-2 non-overlapping intervals on a quarter-hour grid
// (including the 02:00-03:00 DST hours and 24:00), plus a few random closure days.
const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }).map((qs) => {
  const sorted = [...qs].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    out.push({ start: hhmm(sorted[i] ?? 0), end: hhmm(sorted[i + 1] ?? 0) });
  return out;
});
const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const randomCalendar: fc.Arbitrary<Calendar> = fc
  .record({
    week: fc.tuple(...days.map(() => dayHours)),
    open: fc.integer({ min: 0, max: 6 }), // at least one day guaranteed open
    closures: fc.array(fc.integer({ min: FROM, max: TO }), { maxLength: 5 }),
    observe: fc.boolean(),
  })
  .map(({ week, open, closures, observe }) => ({
    hours: Object.fromEntries(
      days.map((d, i) => [
        d,
        i === open && (week[i] ?? []).length === 0 ? [{ start: '10:00', end: '11:00' }] : week[i],
      ]),
    ),
    closureDays: closures.map((ms) => new Date(ms).toISOString().slice(0, 10)),
    observePublicHolidays: observe,
  }));

const calendar = fc.oneof(fc.constant(EXAMPLE_OCMW_HOURS), fc.constant(DEFAULT_REGION_OFFICE_HOURS), randomCalendar);

describe('nextOpening properties (2025-2035)', () => {
  it('is not before t, is open, and nothing between t and it is open', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 10 }),
        (cal, t, fractions) => {
          const open = nextOpening(cal, new Date(t)).toMillis();
          expect(open).toBeGreaterThanOrEqual(t);
          expect(isOpen(cal, open)).toBe(true);
          if (open > t) {
            expect(isOpen(cal, t)).toBe(false);
            expect(isOpen(cal, open - 1)).toBe(false);
            for (const f of fractions) {
              const between = t + Math.floor(f * (open - t - 1));
              expect(isOpen(cal, between)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('OCMW example: a closed instant opens at 09:00 Brussels time on Mon-Fri (checked with Intl)', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(instant, (t) => {
        const open = nextOpening(EXAMPLE_OCMW_HOURS, t).toMillis();
        if (open === t) return;
        const parts = Object.fromEntries(fmt.formatToParts(new Date(open)).map((p) => [p.type, p.value]));
        expect(`${parts.hour}:${parts.minute}`).toBe('09:00');
        expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(parts.weekday);
        expect(open - t).toBeLessThan(12 * 86_400_000);
      }),
      { numRuns: 300 },
    );
  });

  it('nextChange flips the state, and the state holds until then', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, t) => {
        const now = isOpen(cal, t);
        let change: number;
        try {
          change = nextChange(cal, t).toMillis();
        } catch (e) {
          // only acceptable when open and never closing within the scan horizon
          expect(now).toBe(true);
          expect(String(e)).toMatch(/400 days/);
          return;
        }
        expect(change).toBeGreaterThan(t);
        expect(isOpen(cal, change)).toBe(!now);
        expect(isOpen(cal, change - 1)).toBe(now);
      }),
      { numRuns: 300 },
    );
  });
});
