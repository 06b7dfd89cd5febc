import { useI18n } from '../i18n/useT';

/** Switches between Dutch and English; labelled in the language it switches to. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'nl-BE' ? 'en' : 'nl-BE';
  return (
    <button
      type="button"
      className="btn btn-icon"
      lang={next}
      aria-label={`${t('lang.short')}: ${t('lang.switch')}`}
      title={t('lang.switch')}
      onClick={() => setLang(next)}
    >
      {t('lang.short')}
    </button>
  );
}
