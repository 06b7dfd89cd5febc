import { Placeholder } from '../../components/Placeholder';
import { useT } from '../../i18n/useT';

export function HandoffsPage() {
  const t = useT();
  return <Placeholder title={t('nav.handoffs')} text={t('handoffs.coming')} />;
}
