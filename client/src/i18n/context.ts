// Messages are ICU MessageFormat, formatted by FormatJS's intl-messageformat: plural rules of the
// language ("{n, plural, one {# nacht} other {# nachten}}"), numbers and dates in that language.
// Every date and time is on the desk's clock, Europe/Brussels, whatever the phone's time zone says.
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext } from 'react';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type Lang = 'nl-BE' | 'en';
export const LANGS: readonly Lang[] = ['nl-BE', 'en'];
export const DEFAULT_LANG: Lang = 'nl-BE';
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'nl-BE': nl, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  formatNumber: (n: number) => string;
  /** Hours and minutes on the Brussels clock, e.g. "03:14". */
  formatTime: (d: Date) => string;
  /** Day and time on the Brussels clock, e.g. "za 5 dec 2026 22:35" / "Sat 5 Dec 2026 22:35". */
  formatDateTime: (d: Date) => string;
  /** The day on the Brussels clock, e.g. "wo 2 dec" / "Wed 2 Dec". */
  formatDay: (d: Date) => string;
  /** Day without the year, and time: "wo 2 dec 22:35" / "Wed 2 Dec 22:35". */
  formatDayTime: (d: Date) => string;
}

export const ZONE = 'Europe/Brussels';
/** The Intl locale of a console language: British English keeps the 24-hour clock and day-month order. */
export const intlLocale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-BE');

export function formatters(lang: Lang) {
  const locale = intlLocale(lang);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short' });
  const numbers = new Intl.NumberFormat(locale);
  return {
    formatNumber: (n: number) => numbers.format(n),
    formatTime: (d: Date) => time.format(d),
    formatDateTime: (d: Date) => dateTime.format(d).replace(/,/g, ''),
    formatDay: (d: Date) => day.format(d).replace(/,/g, ''),
    formatDayTime: (d: Date) => `${day.format(d).replace(/,/g, '')} ${time.format(d)}`,
  };
}

export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  return (key, vars) => {
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(dict[key] ?? nl[key] ?? key, intlLocale(lang), undefined, { ignoreTag: true });
      compiled.set(key, message);
    }
    try {
      return String(message.format(vars));
    } catch {
      // a variable the caller did not give: show the message with the gap, never crash the console
      return dict[key] ?? nl[key] ?? key;
    }
  };
}

export const I18nContext = createContext<I18nValue | null>(null);
