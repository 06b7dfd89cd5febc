import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Calendar } from '../calendar-schema';
import type { Override, Rota, Rotation, Slot, Swap } from './model';
import { SLOTS } from './model';
import { onDuty } from './on-duty';
import { segments } from './segments';
import { validateOverride } from './validate';
import { DEFAULT_REGION_OFFICE_HOURS, isOpen } from '../office-hours';
import { addDays, atLocal } from '../wall-clock';

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2035, 11, 31);
const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
const OVERRIDERS = ['ov0', 'ov1', 'ov2'];
const SWAPPERS = ['sw0', 'sw1', 'sw2'];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
const slot = fc.constantFrom<Slot>(...SLOTS);
const calendar: fc.Arbitrary<Calendar> = fc.oneof(
  fc.constant(DEFAULT_REGION_OFFICE_HOURS),
  fc.constant<Calendar>({ hours: {} }), // never open
  fc.constant<Calendar>({
    hours: { sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] },
  }),
  fc
    .array(fc.integer({ min: FROM, max: TO }), { maxLength: 4 })
    .map((c) => ({ ...DEFAULT_REGION_OFFICE_HOURS, closureDays: c.map(isoDay) })),
);
const rotation = (opts: { slot?: Slot; start: [number, number]; endable: boolean }): fc.Arbitrary<Rotation> =>
  fc
    .record({
      slot: opts.slot ? fc.constant(opts.slot) : slot,
      members: fc.array(fc.constantFrom(...MEMBERS), { minLength: 1, maxLength: 4 }),
      start: fc.integer({ min: opts.start[0], max: opts.start[1] }),
      q: fc.integer({ min: 0, max: 95 }), // every quarter hour, the DST hours included
      unit: fc.constantFrom<'day' | 'week'>('day', 'week'),
      count: fc.integer({ min: 1, max: 3 }),
      length: opts.endable ? fc.option(fc.integer({ min: 1, max: 800 })) : fc.constant(null),
    })
    .map((r) => ({
      id: 'r',
      slot: r.slot,
      members: r.members,
      startDate: isoDay(r.start),
      handoverTime: hhmm(r.q),
      every: { unit: r.unit, count: r.count },
      endDate: r.length === null ? null : isoDay(r.start + r.length * DAY),
    }));
const span = fc
  .record({ start: fc.integer({ min: FROM, max: TO }), minutes: fc.integer({ min: 1, max: 14 * 24 * 60 }) })
  .map(({ start, minutes }) => ({
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
  }));
const override: fc.Arbitrary<Override> = fc
  .record({ slot, span, userId: fc.constantFrom(...OVERRIDERS), replaces: fc.option(fc.constantFrom(...MEMBERS)) })
  .map((o) => ({ id: 'x', slot: o.slot, userId: o.userId, replacesUserId: o.replaces, ...o.span }));
const swap: fc.Arbitrary<Swap> = fc
  .record({
    slot,
    span,
    from: fc.constantFrom(...MEMBERS),
    to: fc.constantFrom(...SWAPPERS),
    status: fc.constantFrom<Swap['status']>('requested', 'accepted', 'rejected', 'cancelled'),
  })
  .map((s) => ({ id: 'x', slot: s.slot, fromUserId: s.from, toUserId: s.to, status: s.status, ...s.span }));
const numbered = <T extends { id: string }>(xs: T[], prefix: string) =>
  xs.map((x, i) => ({ ...x, id: `${prefix}${i}` }));

/** Random rotas; the first rotation is a primary one started before 2025 that never ends. */
const rota: fc.Arbitrary<Rota> = fc
  .record({
    calendar,
    first: rotation({ slot: 'primary', start: [Date.UTC(2020, 0, 1), FROM - DAY], endable: false }),
    rotations: fc.array(rotation({ start: [Date.UTC(2020, 0, 1), TO], endable: true }), { maxLength: 4 }),
    overrides: fc.array(override, { maxLength: 6 }),
    swaps: fc.array(swap, { maxLength: 6 }),
  })
  .map((r) => ({
    calendar: r.calendar,
    rotations: numbered([...r.rotations, r.first], 'r'), // listed last: others may win first
    overrides: numbered(r.overrides, 'o'),
    swaps: numbered(r.swaps, 's'),
  }));
const instant = fc.integer({ min: FROM, max: TO });
const users = (d: ReturnType<typeof onDuty>) => SLOTS.map((s) => d[s]?.userId ?? null);

describe('rota properties (2025-2035)', () => {
  it('(1) out of hours there is always exactly one primary, from its team, an override or a swap', () => {
    fc.assert(
      fc.property(rota, instant, (r, t) => {
        fc.pre(!isOpen(r.calendar, t));
        const d = onDuty(r, t);
        expect(d.outOfHours).toBe(true);
        const allowed = new Set([
          ...r.rotations.filter((x) => x.slot === 'primary').flatMap((x) => x.members),
          ...r.overrides.filter((o) => o.slot === 'primary').map((o) => o.userId),
          ...r.swaps.filter((s) => s.slot === 'primary' && s.status === 'accepted').map((s) => s.toUserId),
        ]);
        expect(d.primary).not.toBeNull();
        expect(allowed.has(d.primary!.userId)).toBe(true);
        const origin = { rotation: MEMBERS, override: OVERRIDERS, swap: SWAPPERS }[d.primary!.source];
        expect(origin).toContain(d.primary!.userId);
      }),
      { numRuns: 300 },
    );
  });

  it('(2) an override always wins for its slot inside its span', () => {
    const plain = override.map((o) => ({ ...o, replacesUserId: null }));
    fc.assert(
      fc.property(
        rota,
        fc.array(plain, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (r, candidates, f) => {
          const kept: Override[] = [];
          for (const o of numbered(candidates, 'new')) if (validateOverride(kept, o) === null) kept.push(o);
          const withOverrides = { ...r, overrides: kept };
          for (const o of kept) {
            const [s, e] = [Date.parse(o.start), Date.parse(o.end)];
            for (const t of [s, s + Math.floor(f * (e - s)), e - 1]) {
              expect(onDuty(withOverrides, t)[o.slot]).toMatchObject({ userId: o.userId, source: 'override' });
            }
            expect(onDuty(withOverrides, e)[o.slot]?.source).not.toBe('override');
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('(3) segments are sorted, disjoint, cover exactly the out-of-hours time and agree with onDuty', () => {
    const window = fc.record({
      from: instant,
      days: fc.integer({ min: 1, max: 10 }),
      samples: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 5, maxLength: 10 }),
    });
    fc.assert(
      fc.property(rota, window, (r, { from, days, samples }) => {
        const to = from + days * DAY;
        const segs = segments(r, from, to).map((s) => ({ ...s, s: Date.parse(s.start), e: Date.parse(s.end) }));
        segs.forEach((seg, i) => {
          expect(seg.s).toBeLessThan(seg.e);
          expect(seg.s).toBeGreaterThanOrEqual(from);
          expect(seg.e).toBeLessThanOrEqual(to);
          for (const t of [seg.s, Math.floor((seg.s + seg.e) / 2), seg.e - 1]) {
            const d = onDuty(r, t);
            expect(d.outOfHours).toBe(true);
            expect(users(d)).toEqual([seg.primary, seg.backup, seg.coordinator]);
          }
          const next = segs[i + 1];
          if (!next) return;
          expect(next.s).toBeGreaterThanOrEqual(seg.e);
          if (next.s === seg.e)
            expect([next.primary, next.backup, next.coordinator]).not.toEqual([
              seg.primary,
              seg.backup,
              seg.coordinator,
            ]);
          else {
            expect(isOpen(r.calendar, seg.e)).toBe(true); // the space between two segments is office hours
            expect(isOpen(r.calendar, next.s - 1)).toBe(true);
          }
        });
        for (const f of samples) {
          const t = from + Math.floor(f * (to - from));
          expect(segs.some((seg) => seg.s <= t && t < seg.e)).toBe(!isOpen(r.calendar, t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('(4) nextHandover is after `at`, holders are constant until it, and it changes a slot exactly then', () => {
    fc.assert(
      fc.property(rota, instant, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (r, t, f) => {
        const d = onDuty(r, t);
        const untils = SLOTS.map((s) => d[s]?.until)
          .filter((u): u is string => !!u)
          .map(Date.parse);
        if (d.nextHandover === null) {
          // The first rotation never ends; nothing changing for 400 days means one-person teams only.
          expect(untils).toEqual([]);
          return;
        }
        const next = Date.parse(d.nextHandover);
        expect(d.nextHandover).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
        expect(next).toBeGreaterThan(t);
        // An empty slot has no `until`, but someone coming on is a handover too.
        if (SLOTS.every((s) => d[s])) expect(Math.min(...untils)).toBe(next);
        else expect(Math.min(...untils)).toBeGreaterThanOrEqual(next);
        expect(users(onDuty(r, next - 1))).toEqual(users(d));
        expect(users(onDuty(r, t + Math.floor(f * (next - t))))).toEqual(users(d));
        expect(users(onDuty(r, next))).not.toEqual(users(onDuty(r, next - 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('(5) a single rotation agrees with walking its handovers one by one', () => {
    const single = rotation({ slot: 'primary', start: [Date.UTC(2024, 0, 1), TO], endable: false });
    fc.assert(
      fc.property(single, fc.integer({ min: -3 * DAY, max: 120 * DAY }), (rot, offset) => {
        const period = rot.every.count * (rot.every.unit === 'week' ? 7 : 1);
        const first = atLocal(rot.startDate, rot.handoverTime).toMillis();
        const t = first + offset;
        let k = -1; // reference: step through the handovers with wall-clock's atLocal
        while (atLocal(addDays(rot.startDate, (k + 1) * period), rot.handoverTime).toMillis() <= t) k++;
        const expected = k < 0 ? null : rot.members[k % rot.members.length];
        const r: Rota = { calendar: { hours: {} }, rotations: [rot], overrides: [], swaps: [] };
        expect(onDuty(r, t).primary?.userId ?? null).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
