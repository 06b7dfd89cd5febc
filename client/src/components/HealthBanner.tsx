import type { Health } from '../api/types';
import { useT } from '../i18n/useT';

/** A warning strip while the server reports its database down. */
export function HealthBanner({ health }: { health: Health | null }) {
  const t = useT();
  const down = health !== null && health.database === 'down';
  return (
    <div className="health-banner" role="status">
      {down && <p className="notice notice-warn">{t('health.dbDown')}</p>}
    </div>
  );
}
