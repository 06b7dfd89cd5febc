import { describe, expect, it } from 'vitest';
import { normalisedName, personMatchText } from './person-key';

describe('the person key', () => {
  it('meets two spellings of one name, in any script', () => {
    const same: [string, string][] = [
      ['José Müller', 'JOSE MULLER'],
      ['Céline', 'celine'],
      ['Ｍａｒｉａ', 'Maria'],
      ['Straße', 'STRASSE'],
      ['Ørsted Łukasz', 'orsted lukasz'],
      ['أحمد', 'احمد'],
      ['مُحَمَّد', 'محمد'],
      ['Ёлка', 'ёлка'],
      ['王小明', '王小明'],
      ['Anne-Marie  Peeters', 'anne marie peeters'],
    ];
    for (const [a, b] of same) expect(normalisedName(a), `${a} / ${b}`).toBe(normalisedName(b));
  });

  it('never meets two different names', () => {
    const different: [string, string][] = [
      ['Mohamed 1', 'Mohamed 2 محمد'],
      ['Mohamed', 'محمد'],
      ['Андрей', 'Андреи'],
      ['王小明', '王小红'],
      ['Jan', 'Jana'],
      ['किशन', 'किशान'],
    ];
    for (const [a, b] of different) expect(normalisedName(a), `${a} / ${b}`).not.toBe(normalisedName(b));
  });

  it('keeps names without Latin letters, and has no key without a birth date or without any letter', () => {
    expect(personMatchText('محمد', '1980-01-02')).toBe('محمد|1980-01-02');
    expect(personMatchText('Наталья', '1980-01-02')).toBe('наталья|1980-01-02');
    expect(personMatchText('王小明', null)).toBeNull();
    expect(personMatchText(' - . ', '1980-01-02')).toBeNull();
  });
});
