import { useT } from '../i18n/useT';

/** An area that is not built yet: its title and what will come. */
export function Placeholder({ title, text }: { title: string; text: string }) {
  const t = useT();
  return (
    <section className="placeholder">
      <h1>{title}</h1>
      <p className="placeholder-text">{text}</p>
      <p className="badge">{t('common.comingSoon')}</p>
    </section>
  );
}
