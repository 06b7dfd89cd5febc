import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, phoneSchema } from './phone';
import { inLanguage } from './say';

describe('parsePhone', () => {
  it.each([
    ['0470 12 34 56', '+32470123456', 'mobile'],
    ['0470/12.34.56', '+32470123456', 'mobile'],
    ['+32 470 12 34 56', '+32470123456', 'mobile'],
    ['0032470123456', '+32470123456', 'mobile'],
    ['0032 (0)470 12 34 56', '+32470123456', 'mobile'],
    ['0499-12-34-56', '+32499123456', 'mobile'],
    ['014 12 34 56', '+3214123456', 'fixed'],
    ['014/41.22.33', '+3214412233', 'fixed'],
    ['02 511 22 33', '+3225112233', 'fixed'],
    ['+31 6 12345678', '+31612345678', 'mobile'],
  ])('%s -> %s', (input, e164, type) => {
    const r = parsePhone(input);
    expect(r).toMatchObject({ ok: true, e164, type });
  });

  it('gives the national format', () => {
    expect(parsePhone('+32470123456')).toMatchObject({ national: '0470 12 34 56' });
    expect(parsePhone('014123456')).toMatchObject({ national: '014 12 34 56' });
  });

  it.each([
    ['123', /not a valid Belgian phone number: "123"/],
    ['0470 12 34', /not a valid Belgian phone number: "0470 12 34"/],
    ['abc', /use only digits/],
    ['047O 12 34 56', /use only digits/], // letter O for zero
    ['0470 12 34 56 ext 3', /use only digits/],
    ['0400 12 34 56', /mobile numbers are 04xx/], // no such mobile range
    ['0470 12 34 56 78', /not a valid Belgian phone number/],
    ['', /it is empty/],
    ['112', /emergency numbers/],
    ['101', /emergency numbers/],
  ])('rejects %j', (input, message) => {
    const r = parsePhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(inLanguage(r.error, 'en')).toMatch(message);
  });
});

describe('phoneSchema', () => {
  it('transforms to E.164', () => {
    expect(phoneSchema.parse(' 0470 12 34 56 ')).toBe('+32470123456');
  });
  it('rejects with the parse message', () => {
    const r = phoneSchema.safeParse('0470 12 34');
    expect(r.success).toBe(false);
    const message = r.error?.issues[0]?.message ?? '';
    expect(inLanguage(message, 'en')).toMatch(/^not a valid Belgian phone number: "0470 12 34"/);
    expect(inLanguage(message, 'nl')).toMatch(
      /^geen geldig Belgisch telefoonnummer: "0470 12 34" \(8 cijfers; gsm-nummers zijn 04xx/,
    );
  });
});

describe('formatPhone', () => {
  it('shows Belgian numbers nationally, foreign ones internationally', () => {
    expect(formatPhone('+32470123456')).toBe('0470 12 34 56');
    expect(formatPhone('+3214123456')).toBe('014 12 34 56');
    expect(formatPhone('+31612345678')).toBe('+31 6 12345678');
    expect(formatPhone('garbage')).toBe('garbage');
  });
});
