import { Placeholder } from '../../components/Placeholder';
import { useT } from '../../i18n/useT';

export function FiguresPage() {
  const t = useT();
  return <Placeholder title={t('nav.figures')} text={t('figures.coming')} />;
}
