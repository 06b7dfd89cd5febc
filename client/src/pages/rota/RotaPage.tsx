import { Placeholder } from '../../components/Placeholder';
import { useT } from '../../i18n/useT';

export function RotaPage() {
  const t = useT();
  return <Placeholder title={t('nav.rota')} text={t('rota.coming')} />;
}
