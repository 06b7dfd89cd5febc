// For coordinators: a username failing to sign in from several addresses (someone guessing its
// password). The account is not locked, so the lead decides: warn the worker, change the password.
import { fetchSprays } from '../api/auth';
import { useLive } from '../api/useLive';
import { useI18n } from '../i18n/useT';

const EVENTS = ['auth:spray'] as const;

export function SprayBanner() {
  const { t, formatTime } = useI18n();
  const sprays = useLive(fetchSprays, EVENTS);
  if (!sprays.data?.sprays.length) return null;
  return (
    <div className="alarm-banner" role="alert" data-testid="spray-banner">
      {sprays.data.sprays.map((s) => (
        <div key={s.username} className="alarm-item">
          <strong>{t('spray.title')}</strong>
          <span>
            {t('spray.text', {
              username: s.username,
              addresses: String(s.addresses),
              time: formatTime(new Date(s.lastFailureAt)),
              minutes: String(sprays.data!.windowMinutes),
            })}
          </span>
        </div>
      ))}
    </div>
  );
}
