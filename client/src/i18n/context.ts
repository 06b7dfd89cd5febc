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
  /** Hours and minutes in the browser's local time, e.g. "03:14". */
  formatTime: (d: Date) => string;
}

export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, vars) => {
    const text = dict[key] ?? nl[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}

export const I18nContext = createContext<I18nValue | null>(null);
