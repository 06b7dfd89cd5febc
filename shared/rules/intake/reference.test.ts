import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, referenceNight, regionLetter } from './reference';

describe('the reference of an intake', () => {
  it("is letter, day and month of the desk's night, and a two-digit number", () => {
    expect(formatReference({ letter: 'K', night: '2026-12-24', no: 7 })).toBe('K-2412-07');
    expect(formatReference({ letter: 'K', night: '2026-01-03', no: 123 })).toBe('K-0301-123');
  });

  it('counts a call after midnight for the evening before (noon to noon, Brussels time)', () => {
    expect(referenceNight('2026-12-24T23:30:00Z')).toBe('2026-12-24'); // 25 Dec 00:30 in Brussels
    expect(referenceNight('2026-12-25T10:59:00Z')).toBe('2026-12-24'); // 11:59
    expect(referenceNight('2026-12-25T11:00:00Z')).toBe('2026-12-25'); // 12:00
  });

  it('is DST-safe: the autumn night of 25 hours and the spring night of 23 are one night each', () => {
    // 25 Oct 2026: clocks go back at 03:00 CEST. 02:30 happens twice; both belong to the night of 24 Oct.
    expect(referenceNight('2026-10-25T00:30:00Z')).toBe('2026-10-24'); // 02:30 CEST
    expect(referenceNight('2026-10-25T01:30:00Z')).toBe('2026-10-24'); // 02:30 CET
    expect(referenceNight('2026-10-25T10:59:00Z')).toBe('2026-10-24'); // 11:59 CET
    expect(referenceNight('2026-10-25T11:00:00Z')).toBe('2026-10-25'); // 12:00 CET
    // 29 Mar 2026: 02:00 CET jumps to 03:00 CEST; noon is 10:00Z.
    expect(referenceNight('2026-03-29T01:00:00Z')).toBe('2026-03-28'); // 03:00 CEST
    expect(referenceNight('2026-03-29T09:59:00Z')).toBe('2026-03-28');
    expect(referenceNight('2026-03-29T10:00:00Z')).toBe('2026-03-29');
  });

  it("takes the region's letter from its configuration, else from its name", () => {
    expect(regionLetter('Kempen')).toBe('K');
    expect(regionLetter('Boom-Mechelen-Lier', 'r')).toBe('R');
    expect(regionLetter('Île-de-France')).toBe('I');
  });

  it('is read back as people type or text it', () => {
    for (const typed of ['K-2412-07', 'k 2412 7', 'K241207', 'ref k-2412-07 aub', 'K.2412.07']) {
      expect(parseReference(typed)).toBe('K-2412-07');
    }
    for (const none of ['', 'hallo', 'K-3212-07', 'K-2413-07', 'K-2412-00', '2412-07', 'OK']) {
      expect(parseReference(none)).toBeNull();
    }
  });
});

describe('the household as the whisper says it', async () => {
  const { householdWords } = await import('./household-words');
  it('names the household and counts the children in words', () => {
    expect(householdWords('moeder_met_kinderen', 2)).toBe('moeder met twee kinderen');
    expect(householdWords('vader_met_kinderen', 1)).toBe('vader met één kind');
    expect(householdWords('gezin_met_kinderen', 14)).toBe('gezin met 14 kinderen');
    expect(householdWords('alleenstaande_man', 0)).toBe('alleenstaande man');
  });
});
