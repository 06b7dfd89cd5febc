// Every message of both languages is valid ICU MessageFormat, plurals follow the language, and dates
// and times are on the Brussels clock whatever the machine's time zone.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import { nl, type MessageKey } from './nl';
import { formatters, translator } from './context';

describe('console messages', () => {
  it('every message parses in both languages, and both have the same keys', () => {
    for (const [lang, dict] of [
      ['nl-BE', nl],
      ['en-GB', en],
    ] as const) {
      for (const [key, text] of Object.entries(dict))
        expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), key).not.toThrow();
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('writes plurals as the language does, never "nacht(en)"', () => {
    const nlT = translator('nl-BE');
    const enT = translator('en');
    expect(nlT('handoff.nights' as MessageKey, { n: 1 })).toBe('1 nacht');
    expect(nlT('handoff.nights' as MessageKey, { n: 3 })).toBe('3 nachten');
    expect(enT('handoff.nights' as MessageKey, { n: 1 })).toBe('1 night');
    expect(enT('rota.gaps' as MessageKey, { n: 11 })).toBe('11 gaps in the coming 14 days');
    for (const dict of [nl, en]) expect(Object.values(dict).filter((m) => /[a-z]\((en|s|eren)\)/.test(m))).toEqual([]);
  });

  it('dates and times in the chosen language on the Brussels clock', () => {
    const at = new Date('2026-12-02T21:35:00Z'); // Wednesday 22:35 in Brussels (winter time, UTC+1)
    expect(formatters('nl-BE').formatTime(at)).toBe('22:35');
    expect(formatters('nl-BE').formatDay(at)).toBe('wo 2 dec');
    expect(formatters('en').formatDay(at)).toBe('Wed 2 Dec');
    expect(formatters('en').formatDateTime(at)).toBe('Wed 2 Dec 2026 22:35');
    expect(formatters('nl-BE').formatDateTime(at)).toBe('wo 2 dec 2026 22:35');
    expect(formatters('nl-BE').formatNumber(1234.5)).toBe('1.234,5');
  });
});
