import { Placeholder } from '../../components/Placeholder';
import { useT } from '../../i18n/useT';

export function IntakePage() {
  const t = useT();
  return <Placeholder title={t('nav.intake')} text={t('intake.coming')} />;
}
