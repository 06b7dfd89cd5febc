import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLanguage, resolveSpeech, say } from './say';

describe('say: one sentence in Dutch and English', () => {
  it('resolves to either language', () => {
    const s = say('De plaats is vol.', 'The place is full.');
    expect(inLanguage(s, 'nl')).toBe('De plaats is vol.');
    expect(inLanguage(s, 'en')).toBe('The place is full.');
  });

  it('resolves pairs inside a longer sentence, and a pair inside a pair to its own half', () => {
    const field = say('ligt in de toekomst', 'lies in the future');
    const whole = say(`Ongeldige aanvraag: birthDate: ${field}`, `Invalid request: birthDate: ${field}`);
    expect(inLanguage(`[${whole}] (${field})`, 'nl')).toBe(
      '[Ongeldige aanvraag: birthDate: ligt in de toekomst] (ligt in de toekomst)',
    );
    expect(inLanguage(whole, 'en')).toBe('Invalid request: birthDate: lies in the future');
  });

  it('leaves text without pairs alone', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const plain = s.replace(/\u0002/g, '');
        expect(inLanguage(plain, 'nl')).toBe(plain);
      }),
    );
  });

  it('keeps its two halves whatever typed text is put into them', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\u0002', '\u0003', '\u001f') }), (typed) => {
        const s = say(`onbekend: ${typed}`, `unknown: ${typed}`);
        const [nl, en] = [inLanguage(s, 'nl'), inLanguage(s, 'en')];
        expect(nl.startsWith('onbekend: ')).toBe(true);
        expect(en.startsWith('unknown: ')).toBe(true);
        expect(nl + en).not.toMatch(/[\u0002\u0003\u001f]/);
      }),
    );
  });

  it('resolves every string of an error body, keeping the rest', () => {
    const body = {
      error: say('fout', 'wrong'),
      retryAfterSeconds: 5,
      issues: [{ path: 'body.a', message: say('leeg', 'empty') }],
    };
    expect(resolveSpeech(body, 'nl')).toEqual({
      error: 'fout',
      retryAfterSeconds: 5,
      issues: [{ path: 'body.a', message: 'leeg' }],
    });
    expect(resolveSpeech(body, 'en')).toEqual({
      error: 'wrong',
      retryAfterSeconds: 5,
      issues: [{ path: 'body.a', message: 'empty' }],
    });
  });
});
