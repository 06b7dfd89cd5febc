import { Placeholder } from '../../components/Placeholder';
import { useT } from '../../i18n/useT';

export function CallsPage() {
  const t = useT();
  return <Placeholder title={t('nav.calls')} text={t('calls.coming')} />;
}
