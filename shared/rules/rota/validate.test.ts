import { describe, expect, it } from 'vitest';
import type { Override, Rotation, Swap } from './model';
import { overrideSchema, rotaSchema } from './model';
import * as rules from './validate';
import { inLanguage } from '../say';
import { DEFAULT_REGION_OFFICE_HOURS } from '../office-hours';

// The checks answer in Dutch and English (say); these tests read the English half, one reads the Dutch.
const english =
  <A extends unknown[]>(check: (...a: A) => string | null) =>
  (...a: A) => {
    const r = check(...a);
    return r === null ? null : inLanguage(r, 'en');
  };
const validateOverride = english(rules.validateOverride);
const validateRotation = english(rules.validateRotation);
const validateSwap = english(rules.validateSwap);

const o1: Override = {
  id: 'o1',
  slot: 'primary',
  userId: 'u1',
  start: '2026-01-06T17:00:00+01:00',
  end: '2026-01-07T08:30:00+01:00',
};
const cand = (start: string, end: string, extra: Partial<Override> = {}): Override => ({
  id: 'new',
  slot: 'primary',
  userId: 'u2',
  start,
  end,
  ...extra,
});

describe('validateOverride', () => {
  it('refuses an overlap with another override of the same slot, naming it', () => {
    expect(validateOverride([o1], cand('2026-01-07T08:00:00+01:00', '2026-01-07T09:00:00+01:00'))).toBe(
      'overlaps override o1 from 2026-01-06T17:00:00+01:00 to 2026-01-07T08:30:00+01:00',
    );
    // also when the candidate encloses it, given in UTC
    expect(validateOverride([o1], cand('2026-01-06T00:00:00Z', '2026-01-08T00:00:00Z'))).toMatch(
      /^overlaps override o1 /,
    );
    expect(inLanguage(rules.validateOverride([o1], cand('2026-01-06T00:00:00Z', '2026-01-08T00:00:00Z'))!, 'nl')).toBe(
      'overlapt met vervanging o1 van 2026-01-06T17:00:00+01:00 tot 2026-01-07T08:30:00+01:00',
    );
  });

  it('accepts adjacent spans, other slots, and the override itself being edited', () => {
    expect(validateOverride([o1], cand('2026-01-07T08:30:00+01:00', '2026-01-07T09:00:00+01:00'))).toBeNull();
    expect(validateOverride([o1], cand('2026-01-06T10:00:00+01:00', '2026-01-06T17:00:00+01:00'))).toBeNull();
    expect(
      validateOverride([o1], cand('2026-01-06T18:00:00+01:00', '2026-01-06T19:00:00+01:00', { slot: 'backup' })),
    ).toBeNull();
    expect(validateOverride([o1], { ...o1, end: '2026-01-07T09:00:00+01:00' })).toBeNull();
  });

  it('refuses an end at or before the start', () => {
    expect(validateOverride([], cand('2026-01-07T09:00:00+01:00', '2026-01-07T08:00:00+01:00'))).toBe(
      'end must be after start',
    );
    expect(validateOverride([], cand('2026-01-07T09:00:00+01:00', '2026-01-07T08:00:00Z'))).toBe(
      'end must be after start',
    );
  });

  it('names the field of a malformed override', () => {
    expect(validateOverride([], cand('2026-01-07 09:00', '2026-01-07T10:00:00+01:00'))).toMatch(
      /^start must be an ISO instant with offset/,
    );
    expect(validateOverride([], { ...cand('2026-01-07T09:00:00Z', '2026-01-07T10:00:00Z'), userId: '' })).toBe(
      'userId must not be empty',
    );
    const r = overrideSchema.safeParse({ ...o1, slot: 'night' });
    expect(r.error?.issues[0]?.message).toBe('slot must be one of primary, backup, coordinator');
  });
});

describe('validateSwap', () => {
  const s1: Swap = {
    id: 's1',
    slot: 'primary',
    fromUserId: 'a',
    toUserId: 'b',
    start: '2026-03-01T17:00:00+01:00',
    end: '2026-03-02T08:30:00+01:00',
    status: 'accepted',
  };
  const s = (extra: Partial<Swap>): Swap => ({
    ...s1,
    id: 'new',
    toUserId: 'c',
    start: '2026-03-02T08:00:00+01:00',
    end: '2026-03-02T12:00:00+01:00',
    ...extra,
  });

  it('refuses an accepted swap overlapping another accepted swap of the same slot and fromUser', () => {
    expect(validateSwap([s1], s({}))).toBe(
      'overlaps swap s1 from 2026-03-01T17:00:00+01:00 to 2026-03-02T08:30:00+01:00',
    );
  });

  it('accepts other fromUsers, other slots, adjacent spans, and swaps that are not (both) accepted', () => {
    expect(validateSwap([s1], s({ fromUserId: 'd' }))).toBeNull();
    expect(validateSwap([s1], s({ slot: 'backup' }))).toBeNull();
    expect(validateSwap([s1], s({ start: '2026-03-02T08:30:00+01:00' }))).toBeNull();
    expect(validateSwap([s1], s({ status: 'requested' }))).toBeNull();
    expect(validateSwap([{ ...s1, status: 'cancelled' }], s({}))).toBeNull();
  });

  it('refuses an end before the start and a swap with oneself', () => {
    expect(validateSwap([], s({ end: '2026-03-02T07:00:00+01:00' }))).toBe('end must be after start');
    expect(validateSwap([], s({ end: '2026-03-02T07:00:00+01:00', status: 'requested' }))).toBe(
      'end must be after start',
    );
    expect(validateSwap([], s({ toUserId: 'a' }))).toBe('toUserId must differ from fromUserId');
  });
});

describe('validateRotation', () => {
  const ok: Rotation = {
    id: 'r',
    slot: 'primary',
    members: ['a'],
    startDate: '2026-01-05',
    handoverTime: '09:00',
    every: { unit: 'week', count: 1 },
  };

  it('accepts a valid rotation, with or without name and end date', () => {
    expect(validateRotation(ok)).toBeNull();
    expect(validateRotation({ ...ok, name: 'Week A', endDate: '2026-06-01' })).toBeNull();
    expect(validateRotation({ ...ok, endDate: null })).toBeNull();
  });

  it.each([
    [{ members: [] }, 'members must list at least one user id (a rotation cannot have an empty team)'],
    [{ startDate: '2026-02-30' }, 'startDate must be an existing date YYYY-MM-DD'],
    [{ startDate: '5/1/2026' }, 'startDate must be an existing date YYYY-MM-DD'],
    [{ handoverTime: '9:00' }, 'handoverTime must be a local time HH:mm (00:00-23:59)'],
    [{ handoverTime: '24:00' }, 'handoverTime must be a local time HH:mm (00:00-23:59)'],
    [{ every: { unit: 'week', count: 0 } }, 'every.count must be at least 1'],
    [{ every: { unit: 'week', count: 1.5 } }, 'every.count must be a whole number'],
    [{ every: { unit: 'month', count: 1 } }, 'every.unit must be day or week'],
    [{ endDate: '2026-01-05' }, 'endDate must be after startDate'],
    [{ endDate: '2026-13-01' }, 'endDate must be an existing date YYYY-MM-DD'],
  ] as [Partial<Rotation>, string][])('rejects %j', (change, message) => {
    expect(validateRotation({ ...ok, ...change })).toBe(message);
  });

  it('reports several problems at once', () => {
    expect(validateRotation({ ...ok, members: [], every: { unit: 'day', count: 0 } })).toBe(
      'members must list at least one user id (a rotation cannot have an empty team); every.count must be at least 1',
    );
  });
});

describe('rotaSchema', () => {
  it('checks a whole rota, calendar included', () => {
    const r = rotaSchema.safeParse({
      calendar: { hours: { mon: [{ start: '9', end: '10:00' }] } },
      rotations: [],
      overrides: [],
      swaps: [],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/time must be HH:mm/);
    expect(
      rotaSchema.safeParse({ calendar: DEFAULT_REGION_OFFICE_HOURS, rotations: [], overrides: [o1], swaps: [] })
        .success,
    ).toBe(true);
  });
});
