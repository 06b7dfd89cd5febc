import { describe, expect, it } from 'vitest';
import { calendarSchema, weeklyHoursSchema } from './calendar-schema';
import { DEFAULT_REGION_OFFICE_HOURS, EXAMPLE_OCMW_HOURS } from './office-hours';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.message).join(' | ');

describe('calendar schemas', () => {
  it('accepts the default calendars', () => {
    expect(calendarSchema.parse(DEFAULT_REGION_OFFICE_HOURS)).toEqual(DEFAULT_REGION_OFFICE_HOURS);
    expect(calendarSchema.parse(EXAMPLE_OCMW_HOURS)).toEqual(EXAMPLE_OCMW_HOURS);
    expect(weeklyHoursSchema.parse({ sat: [{ start: '00:00', end: '24:00' }] })).toBeTruthy();
  });
  it.each([
    [{ mon: [{ start: '9:00', end: '11:30' }] }, /time must be HH:mm/],
    [{ mon: [{ start: '09:00', end: '25:00' }] }, /time must be HH:mm/],
    [{ mon: [{ start: '11:30', end: '09:00' }] }, /end must be after start/],
    [{ mon: [{ start: '09:00', end: '09:00' }] }, /end must be after start/],
    [{ mon: [{ start: '24:00', end: '24:00' }] }, /start cannot be 24:00/],
    [
      {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      /intervals overlap: 09:00-12:00 and 11:00-13:00/,
    ],
    [{ monday: [{ start: '09:00', end: '12:00' }] }, /weekday must be one of mon, tue/],
  ])('rejects %j', (hours, message) => {
    const r = weeklyHoursSchema.safeParse(hours);
    expect(r.success).toBe(false);
    expect(messages(r)).toMatch(message);
  });
  it('rejects non-existent closure dates', () => {
    const r = calendarSchema.safeParse({ hours: {}, closureDays: ['2025-02-29'] });
    expect(messages(r)).toMatch(/date must be an existing YYYY-MM-DD date/);
  });
  it('allows touching intervals', () => {
    expect(
      weeklyHoursSchema.safeParse({
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ],
      }).success,
    ).toBe(true);
  });
});
