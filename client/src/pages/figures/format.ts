// Numbers, money, shares, hours, weekdays and buckets in the console's language.
import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';

export function useFigureFormat() {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const eur = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
    const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const longMonth = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const utc = (iso: string) => new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
    return {
      n: (x: number | null) => (x === null ? t('common.none') : num.format(x)),
      pct: (x: number | null) => (x === null ? t('common.none') : pct.format(x)),
      euro: (cents: number) => eur.format(cents / 100),
      hour: (h: number) => `${String(h).padStart(2, '0')}:00`,
      /** 1 = Monday (2024-01-01 was one). */
      weekday: (d: number) => weekday.format(new Date(Date.UTC(2024, 0, d))),
      bucket: (key: string) => (key.length === 7 ? month.format(utc(key)) : day.format(utc(key))),
      longMonth: (key: string) => longMonth.format(utc(key)),
      date: (iso: string) => date.format(utc(iso)),
      /** A code as the console calls it elsewhere (household.*, ethos.*, referrer.*, type.*), or our own. */
      label: (prefix: string, code: string) => {
        const text = t(`${prefix}.${code}` as MessageKey);
        return text === `${prefix}.${code}` ? code : text;
      },
    };
  }, [lang, t]);
}

export type FigureFormat = ReturnType<typeof useFigureFormat>;
