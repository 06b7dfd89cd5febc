// The published allocation rules on hand-computed cases: who is a candidate, the order, and why.
import { describe, expect, it } from 'vitest';
import { daysWaiting, KEMPEN_ALLOCATION, misfit, rankCandidates, type Candidate } from './allocation';
import { bedroomsNeeded, perInhabitantsTarget, stayMonths } from './housing';

const now = new Date('2026-04-01T10:00:00Z');
const family: Candidate[] = [
  {
    id: 'A',
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    urgency: 'acute',
    registeredAt: '2026-01-01T09:00:00Z',
  },
  {
    id: 'B',
    household: { type: 'gezin_met_kinderen', adults: 2, children: 2 },
    urgency: 'normal',
    registeredAt: '2026-02-01T09:00:00Z',
  },
  {
    id: 'C',
    household: { type: 'moeder_met_kinderen', adults: 1, children: 1 },
    urgency: 'high',
    registeredAt: '2026-03-01T09:00:00Z',
  },
  {
    id: 'D',
    household: { type: 'zwanger_koppel', adults: 2, children: 0 },
    urgency: 'normal',
    registeredAt: '2026-01-15T09:00:00Z',
  },
  {
    id: 'E',
    household: { type: 'gezin_met_kinderen', adults: 2, children: 5 },
    urgency: 'acute',
    registeredAt: '2026-01-02T09:00:00Z',
  },
  {
    id: 'F',
    household: { type: 'moeder_met_kinderen', adults: 1, children: 1 },
    urgency: 'high',
    registeredAt: '2026-03-01T15:00:00Z',
  },
  {
    id: 'G',
    household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
    urgency: 'high',
    registeredAt: '2026-02-20T09:00:00Z',
  },
];

describe('rankCandidates (Kempen: children, urgency, waiting, fit)', () => {
  const r = rankCandidates(KEMPEN_ALLOCATION, { kind: '2_bedrooms', suits: ['families'] }, family, now);

  it('leaves out the households the home does not suit, saying why', () => {
    expect(r.excluded.map((e) => e.id).sort()).toEqual(['A', 'E']);
    expect(r.excluded.find((e) => e.id === 'A')!.reasons[0]!.nl).toBe('deze woning is niet voor alleenstaande mannen');
    // 7 persons in a home for 5, and 1 + ceil(5/2) = 4 -> capped at 3 bedrooms needed, the home has 2.
    expect(r.excluded.find((e) => e.id === 'E')!.reasons.map((x) => x.en)).toEqual([
      '7 persons, a 2_bedrooms takes at most 5',
      'needs 3 bedroom(s), this home has 2',
    ]);
  });

  it('ranks G, C, F, D, B and names the criterion that decided each step', () => {
    // All five have children (D is expecting). High urgency: G (40 days), C and F (31 days, C registered
    // earlier that day). Normal: D (76 days) before B (59 days).
    expect(r.ranked.map((c) => [c.id, c.rank, c.daysWaiting, c.decidedBy])).toEqual([
      ['G', 1, 40, 'waiting'],
      ['C', 2, 31, 'registered_first'],
      ['F', 3, 31, 'urgency'],
      ['D', 4, 76, 'waiting'],
      ['B', 5, 59, null],
    ]);
    expect(r.ranked[3]!.reasons.map((x) => x.nl)).toEqual([
      'zwanger: telt als gezin met kinderen',
      'urgentie gewoon',
      'wacht 76 dag(en)',
      '1 slaapkamer(s) meer dan nodig',
    ]);
  });

  it('follows the configured order: urgency before children puts the acute single woman first', () => {
    const pair: Candidate[] = [
      {
        id: 'W',
        household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
        urgency: 'acute',
        registeredAt: '2026-03-01T09:00:00Z',
      },
      {
        id: 'K',
        household: { type: 'moeder_met_kinderen', adults: 1, children: 1 },
        urgency: 'normal',
        registeredAt: '2026-03-01T09:00:00Z',
      },
    ];
    const home = { kind: '2_bedrooms' as const, suits: ['women', 'families'] as const };
    expect(rankCandidates(KEMPEN_ALLOCATION, home, pair, now).ranked.map((c) => c.id)).toEqual(['K', 'W']);
    expect(
      rankCandidates(
        { ...KEMPEN_ALLOCATION, order: ['urgency', 'children', 'waiting', 'fit'] },
        home,
        pair,
        now,
      ).ranked.map((c) => [c.id, c.decidedBy]),
    ).toEqual([
      ['W', 'urgency'],
      ['K', null],
    ]);
  });

  it('prefers the home that fits exactly when all else is equal', () => {
    const pair: Candidate[] = [
      {
        id: 'small',
        household: { type: 'moeder_met_kinderen', adults: 1, children: 1 },
        urgency: 'high',
        registeredAt: '2026-03-10T08:00:00Z',
      },
      {
        id: 'large',
        household: { type: 'gezin_met_kinderen', adults: 2, children: 4 },
        urgency: 'high',
        registeredAt: '2026-03-10T16:00:00Z',
      },
    ];
    const r3 = rankCandidates(KEMPEN_ALLOCATION, { kind: '3_bedrooms', suits: ['families'] }, pair, now);
    expect(r3.ranked.map((c) => [c.id, c.decidedBy])).toEqual([
      ['large', 'fit'],
      ['small', null],
    ]);
    expect(r3.ranked[0]!.reasons[3]!.nl).toBe('de woning past precies');
  });
});

describe('the pieces of the rule', () => {
  it('counts waiting days on the Brussels calendar, across the spring clock change', () => {
    // 2026-03-28T23:30Z is 29 March 00:30 in Brussels (CET); 2026-03-30T22:30Z is 31 March 00:30 (CEST).
    expect(daysWaiting('2026-03-28T23:30:00Z', new Date('2026-03-30T22:30:00Z'))).toBe(2);
    expect(daysWaiting('2026-03-28T22:30:00Z', new Date('2026-03-30T22:30:00Z'))).toBe(3);
  });

  it('bedrooms: a single adult a kamerwoning, a couple one, children one per two beside the parents', () => {
    expect([
      bedroomsNeeded({ type: 'alleenstaande_man', adults: 1, children: 0 }),
      bedroomsNeeded({ type: 'zwanger_koppel', adults: 2, children: 0 }),
      bedroomsNeeded({ type: 'moeder_met_kinderen', adults: 1, children: 2 }),
      bedroomsNeeded({ type: 'gezin_met_kinderen', adults: 2, children: 3 }),
    ]).toEqual([0, 1, 2, 3]);
    expect(
      misfit(
        KEMPEN_ALLOCATION,
        { kind: '3_bedrooms', suits: ['families'] },
        { type: 'gezin_met_kinderen', adults: 2, children: 6 },
      ).map((x) => x.en),
    ).toEqual(['8 persons, a 3_bedrooms takes at most 7']);
  });

  it('targets 1 per 10,000 inhabitants, at least one', () => {
    expect([3001, 14999, 15000, 46000].map((p) => perInhabitantsTarget(p))).toEqual([1, 1, 2, 5]);
  });

  it('measures a stay in months', () => {
    expect(stayMonths('2026-01-10', '2026-03-10')).toBe(2);
    expect(stayMonths('2026-01-01', '2026-01-16')).toBe(0.5); // 15 of January's 31 days
  });
});
