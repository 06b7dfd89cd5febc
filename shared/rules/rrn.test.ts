import { describe, expect, it } from 'vitest';
import { isBisNumber, isValidRrn, maskRrn, normalizeRrn, rrnSchema } from './rrn';
import { inLanguage } from './say';

describe('rijksregisternummer', () => {
  it('accepts the check vectors in both formats', () => {
    for (const n of [
      '85073003328',
      '17073003384',
      '93051822361',
      '85.07.30-033.28',
      '17.07.30-033.84',
      '93.05.18-223.61',
    ]) {
      expect(isValidRrn(n), n).toBe(true);
    }
  });
  it('needs the "2" prefix for births from 2000: 17073003384 fails the pre-2000 rule', () => {
    // 97 - (170730033 mod 97) = 55, so only the 2000+ rule gives 84
    expect(97 - (170730033 % 97)).toBe(55);
    expect(isValidRrn('17073003355')).toBe(true); // the same person born in 1917
  });
  it('rejects altered check digits and altered digits', () => {
    for (const n of ['85073003329', '85073003327', '17073003383', '93051822362', '85073003428', '95073003328']) {
      expect(isValidRrn(n), n).toBe(false);
    }
  });
  it('accepts BIS numbers (month + 20 / + 40) with the same checksum', () => {
    expect(isValidRrn('85.27.30-033.71')).toBe(true);
    expect(isValidRrn('85473003317')).toBe(true);
    expect(isValidRrn('17273003330')).toBe(true); // BIS, born 2017
    expect(isValidRrn('85273003372')).toBe(false);
    expect(isBisNumber('85273003371')).toBe(true);
    expect(isBisNumber('85073003328')).toBe(false);
  });
  it('rejects other formats and impossible months/days', () => {
    for (const n of ['8507300332', '850730033280', '85-07-30-033-28', '85.07.30.033.28', 'abc', '', '85.07.30-033.2']) {
      expect(isValidRrn(n), n).toBe(false);
    }
    expect(isValidRrn('85133003300')).toBe(false); // month 13
    expect(isValidRrn('85073203300')).toBe(false); // day 32
  });
  it('masks serial and check digits', () => {
    expect(maskRrn('85073003328')).toBe('85.07.30-***.**');
    expect(maskRrn('85.07.30-033.28')).toBe('85.07.30-***.**');
    expect(maskRrn('garbage 850730')).toBe('**.**.**-***.**');
    expect(normalizeRrn(' 85.07.30-033.28 ')).toBe('85073003328');
  });
  it('schema normalises to 11 digits and rejects with a masked message', () => {
    expect(rrnSchema.parse('85.07.30-033.28')).toBe('85073003328');
    const r = rrnSchema.safeParse('85073003329');
    expect(r.success).toBe(false);
    const message = r.error?.issues[0]?.message ?? '';
    expect(inLanguage(message, 'en')).toMatch(/not a valid national register number: "85\.07\.30-\*\*\*\.\*\*"/);
    expect(inLanguage(message, 'nl')).toMatch(/geen geldig rijksregisternummer: "85\.07\.30-\*\*\*\.\*\*"/);
  });
});
