// Language: Dutch (nl-BE) unless the person chose English; the choice lives in localStorage
// and is mirrored on <html lang> so screen readers and hyphenation follow it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readStored, writeStored } from '../lib/storage';
import { DEFAULT_LANG, formatters, I18nContext, LANGS, translator, type I18nValue, type Lang } from './context';

const KEY = 'permanentie.lang';

function initialLang(): Lang {
  const stored = readStored(KEY);
  return LANGS.find((l) => l === stored) ?? DEFAULT_LANG;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    writeStored(KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    return { lang, setLang, t: translator(lang), ...formatters(lang) };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
