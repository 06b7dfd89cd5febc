import { describe, expect, it } from 'vitest';
import type { Override, Rota, Rotation, Swap } from './model';
import { onDuty } from './on-duty';
import { DEFAULT_REGION_OFFICE_HOURS } from '../office-hours';

const weeklyAB: Rotation = {
  id: 'r1',
  slot: 'primary',
  members: ['a', 'b'],
  startDate: '2026-01-05',
  handoverTime: '09:00',
  every: { unit: 'week', count: 1 },
};
const rota = (parts: Partial<Rota> = {}): Rota => ({
  calendar: DEFAULT_REGION_OFFICE_HOURS,
  rotations: [weeklyAB],
  overrides: [],
  swaps: [],
  ...parts,
});
const who = (r: Rota, at: string) => {
  const p = onDuty(r, at).primary;
  return p && `${p.userId}/${p.source}`;
};

// The 10 legal Belgian public holidays 2025-2030, written out (movable ones looked up).
const HOLIDAYS = [2025, 2026, 2027, 2028, 2029, 2030]
  .flatMap((y) => ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${y}-${md}`))
  .concat([
    '2025-04-21',
    '2025-05-29',
    '2025-06-09',
    '2026-04-06',
    '2026-05-14',
    '2026-05-25',
    '2027-03-29',
    '2027-05-06',
    '2027-05-17',
    '2028-04-17',
    '2028-05-25',
    '2028-06-05',
    '2029-04-02',
    '2029-05-10',
    '2029-05-21',
    '2030-04-22',
    '2030-05-30',
    '2030-06-10',
  ]);

describe('out of hours', () => {
  it('every Belgian public holiday 2025-2030 at 12:00 is out of hours', () => {
    expect(HOLIDAYS).toHaveLength(60);
    for (const date of HOLIDAYS) {
      const duty = onDuty(rota(), `${date}T12:00`);
      expect({ date, outOfHours: duty.outOfHours }).toEqual({ date, outOfHours: true });
    }
  });

  it('a normal Tuesday at 12:00 is office hours, but still names the rota holder', () => {
    for (const date of ['2026-01-06', '2026-02-10', '2027-09-14', '2030-03-05']) {
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(2);
      expect(HOLIDAYS).not.toContain(date);
      const duty = onDuty(rota(), `${date}T12:00`);
      expect(duty.outOfHours).toBe(false);
      expect(duty.primary).not.toBeNull();
    }
    expect(onDuty(rota(), '2026-01-06T17:00').outOfHours).toBe(true);
    expect(onDuty(rota(), '2026-01-06T08:29').outOfHours).toBe(true);
  });

  it('a closure day of the calendar is out of hours all day', () => {
    const closed = { ...DEFAULT_REGION_OFFICE_HOURS, closureDays: ['2025-07-11', '2025-12-26'] };
    for (const date of ['2025-07-11', '2025-12-26']) {
      expect(onDuty(rota(), `${date}T12:00`).outOfHours).toBe(false); // a Friday, open normally
      expect(onDuty(rota({ calendar: closed }), `${date}T12:00`).outOfHours).toBe(true);
    }
  });
});

describe('precedence: override > accepted swap > rotation', () => {
  const swaps: Swap[] = [
    {
      id: 's1',
      slot: 'primary',
      fromUserId: 'a',
      toUserId: 'c',
      start: '2026-01-06T17:00:00+01:00',
      end: '2026-01-07T08:30:00+01:00',
      status: 'accepted',
    },
    {
      id: 's2',
      slot: 'primary',
      fromUserId: 'a',
      toUserId: 'd',
      start: '2026-01-08T17:00:00+01:00',
      end: '2026-01-09T08:30:00+01:00',
      status: 'requested',
    },
    {
      id: 's3',
      slot: 'primary',
      fromUserId: 'a',
      toUserId: 'd',
      start: '2026-01-09T17:00:00+01:00',
      end: '2026-01-10T08:30:00+01:00',
      status: 'rejected',
    },
    {
      id: 's4',
      slot: 'primary',
      fromUserId: 'b',
      toUserId: 'e',
      start: '2026-01-10T00:00:00+01:00',
      end: '2026-01-11T00:00:00+01:00',
      status: 'accepted',
    },
    {
      id: 's5',
      slot: 'backup',
      fromUserId: 'a',
      toUserId: 'x',
      start: '2026-01-10T00:00:00+01:00',
      end: '2026-01-11T00:00:00+01:00',
      status: 'accepted',
    },
  ];
  const overrides: Override[] = [
    { id: 'o1', slot: 'primary', userId: 'f', start: '2026-01-06T22:00:00+01:00', end: '2026-01-06T23:00:00+01:00' },
    {
      id: 'o2',
      slot: 'primary',
      userId: 'g',
      replacesUserId: 'b',
      start: '2026-01-07T17:00:00+01:00',
      end: '2026-01-14T08:30:00+01:00',
    },
    {
      id: 'o3',
      slot: 'primary',
      userId: 'h',
      replacesUserId: 'c',
      start: '2026-01-07T00:00:00+01:00',
      end: '2026-01-07T01:00:00+01:00',
    },
    {
      id: 'o4',
      slot: 'coordinator',
      userId: 'k',
      start: '2026-01-06T00:00:00+01:00',
      end: '2026-01-08T00:00:00+01:00',
    },
  ];
  const r = rota({ swaps, overrides });

  it('rotation by default, an accepted swap replaces its fromUser, other statuses do nothing', () => {
    expect(who(r, '2026-01-06T12:00')).toBe('a/rotation');
    expect(who(r, '2026-01-06T20:00')).toBe('c/swap');
    expect(who(r, '2026-01-08T20:00')).toBe('a/rotation'); // s2 only requested
    expect(who(r, '2026-01-09T20:00')).toBe('a/rotation'); // s3 rejected
    expect(who(r, '2026-01-10T12:00')).toBe('a/rotation'); // s4 is for b, who is not on
    expect(onDuty(r, '2026-01-10T12:00').backup).toBeNull(); // s5: no backup rotation to swap
    expect(onDuty(r, '2026-01-06T20:00').primary?.until).toBe('2026-01-06T22:00:00+01:00');
  });

  it('an override wins over the swap; a replacing override only while its user holds the slot', () => {
    expect(who(r, '2026-01-06T22:30')).toBe('f/override');
    expect(onDuty(r, '2026-01-06T22:30').primary?.until).toBe('2026-01-06T23:00:00+01:00');
    expect(who(r, '2026-01-06T23:00')).toBe('c/swap');
    expect(who(r, '2026-01-07T00:30')).toBe('h/override'); // replaces c, who has it by swap
    expect(who(r, '2026-01-07T20:00')).toBe('a/rotation'); // o2 replaces b, but a is on
    expect(who(r, '2026-01-12T20:00')).toBe('g/override'); // b's week: o2 applies
    expect(who(r, '2026-01-12T08:59')).toBe('a/rotation');
    expect(onDuty(r, '2026-01-12T08:00').primary?.until).toBe('2026-01-12T09:00:00+01:00');
    expect(onDuty(r, '2026-01-12T08:00').nextHandover).toBe('2026-01-12T09:00:00+01:00');
  });

  it('an unconditional override fills a slot no rotation covers', () => {
    const duty = onDuty(r, '2026-01-07T03:00');
    expect(duty.coordinator).toEqual({ userId: 'k', source: 'override', until: '2026-01-08T00:00:00+01:00' });
    expect(onDuty(r, '2026-01-08T00:00').coordinator).toBeNull();
  });

  it('an override by the person already on duty is not a handover', () => {
    const same = rota({
      overrides: [
        { id: 'o', slot: 'primary', userId: 'a', start: '2026-01-06T20:00:00+01:00', end: '2026-01-06T21:00:00+01:00' },
      ],
    });
    const duty = onDuty(same, '2026-01-06T19:00');
    expect(duty.primary).toEqual({ userId: 'a', source: 'rotation', until: '2026-01-12T09:00:00+01:00' });
    expect(onDuty(same, '2026-01-06T20:30').primary?.source).toBe('override');
  });
});

describe('an override with nobody: the slot left empty for a night', () => {
  // Weekly a/b from Monday 5 January 2026 09:00: a holds the week of the 5th. The coordinator leaves
  // the primary line empty on Tuesday night (17:00 to Wednesday 08:30); backup rotation p/q.
  const backup: Rotation = {
    id: 'r2',
    slot: 'backup',
    members: ['p', 'q'],
    startDate: '2026-01-05',
    handoverTime: '09:00',
    every: { unit: 'week', count: 1 },
  };
  const empty: Override = {
    id: 'o',
    slot: 'primary',
    userId: null,
    start: '2026-01-06T17:00:00+01:00',
    end: '2026-01-07T08:30:00+01:00',
  };
  const r = rota({ rotations: [weeklyAB, backup], overrides: [empty] });

  it('nobody holds the slot during the span; the backup is untouched; before and after the rotation holds', () => {
    expect(who(r, '2026-01-06T16:59')).toBe('a/rotation');
    expect(onDuty(r, '2026-01-06T16:00').primary?.until).toBe('2026-01-06T17:00:00+01:00'); // a hands over to nobody
    const night = onDuty(r, '2026-01-06T23:00');
    expect(night.outOfHours).toBe(true);
    expect(night.primary).toBeNull();
    expect(night.backup).toEqual({ userId: 'p', source: 'rotation', until: '2026-01-12T09:00:00+01:00' });
    expect(who(r, '2026-01-07T08:30')).toBe('a/rotation');
  });

  it('a replacing empty override empties the slot only while its user holds it', () => {
    const onlyB = rota({ overrides: [{ ...empty, replacesUserId: 'b' }] });
    expect(who(onlyB, '2026-01-06T23:00')).toBe('a/rotation'); // a's week: nothing changes
  });
});

describe('several rotations for one slot', () => {
  const cover: Rotation = {
    id: 'r1',
    slot: 'primary',
    members: ['a'],
    startDate: '2026-01-05',
    handoverTime: '09:00',
    every: { unit: 'week', count: 1 },
    endDate: '2026-01-19',
  };
  const base: Rotation = {
    id: 'r2',
    slot: 'primary',
    members: ['x', 'y'],
    startDate: '2026-01-01',
    handoverTime: '09:00',
    every: { unit: 'day', count: 1 },
  };
  const r = rota({ rotations: [cover, base] });

  it('the first listed rotation that covers the instant wins; the next fills the rest', () => {
    expect(onDuty(r, '2026-01-01T08:59').primary).toBeNull(); // before any first handover
    expect(who(r, '2026-01-01T09:00')).toBe('x/rotation');
    expect(who(r, '2026-01-02T12:00')).toBe('y/rotation');
    expect(who(r, '2026-01-05T08:59')).toBe('y/rotation'); // 4 Jan = turn 3
    expect(who(r, '2026-01-05T09:00')).toBe('a/rotation');
    expect(who(r, '2026-01-19T08:59')).toBe('a/rotation');
    expect(who(r, '2026-01-19T09:00')).toBe('x/rotation'); // 19 Jan = turn 18
    // a's two weeks are one stretch: the weekly handover to a again is no change.
    expect(onDuty(r, '2026-01-10T12:00').primary?.until).toBe('2026-01-19T09:00:00+01:00');
  });

  it('listing order decides, not start date', () => {
    const swapped = rota({ rotations: [base, cover] });
    expect(who(swapped, '2026-01-10T12:00')).toBe('y/rotation'); // 10 Jan = turn 9 of x, y
  });
});
