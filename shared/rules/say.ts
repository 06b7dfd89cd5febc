// Sentences for people in both console languages. A rule or a route writes `say(nl, en)`; the pair
// travels as one string (inside a zod issue, an HttpError, a longer sentence) and is resolved to one
// language at the edge (`inLanguage`), where the request says which one it wants.
// Pairs are framed with control characters no person types: STX nl US en ETX.

/** @public */
export type SpeechLang = 'nl' | 'en';

const OPEN = '\u0002';
const SPLIT = '\u001f';
const CLOSE = '\u0003';
const PAIR = /\u0002([^\u0002\u0003\u001f]*)\u001f([^\u0002\u0003\u001f]*)\u0003/g;

/**
 * One sentence in Dutch and English. A pair inside either half is resolved to that half's language.
 * @public
 */
export function say(nl: string, en: string): string {
  return `${OPEN}${strip(inLanguage(nl, 'nl'))}${SPLIT}${strip(inLanguage(en, 'en'))}${CLOSE}`;
}

/**
 * Every pair in `text` replaced by its `lang` half; text without pairs comes back unchanged.
 * @public
 */
export function inLanguage(text: string, lang: SpeechLang): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(PAIR, (_m, nl: string, en: string) => (lang === 'nl' ? nl : en));
}

/**
 * Resolves every string inside a JSON-like value (an error body with its issues).
 * @public
 */
export function resolveSpeech<T>(value: T, lang: SpeechLang): T {
  if (typeof value === 'string') return inLanguage(value, lang) as T;
  if (Array.isArray(value)) return value.map((v) => resolveSpeech(v, lang)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveSpeech(v, lang)])) as T;
  }
  return value;
}

/** Typed input interpolated into a sentence must not be able to forge a pair. */
const strip = (s: string) => s.replace(/[\u0002\u0003\u001f]/g, '');
