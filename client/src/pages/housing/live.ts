// What every part of the housing page listens to, and the published rules' words in the reader's language.
import type { Words } from '../../api/housing';
import { useI18n } from '../../i18n/useT';

export const EVENTS = ['housing:changed'] as const;

export function useWords() {
  const { lang } = useI18n();
  return (w: Words) => (lang === 'en' ? w.en : w.nl);
}
