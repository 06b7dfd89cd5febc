import { fetchGaps, fetchNightAlerts } from '../../api/rota';
import { useLive } from '../../api/useLive';
import { useI18n } from '../../i18n/useT';
import { joinSpans, spanLabel } from './time';
import { ROTA_EVENTS } from './useRota';

export function GapsAlert() {
  const { t, lang } = useI18n();
  const gaps = useLive(fetchGaps, ROTA_EVENTS);
  const night = useLive(fetchNightAlerts, ROTA_EVENTS);
  const tonight = night.data?.nightGaps ?? [];
  const open = joinSpans(gaps.data?.noPrimary ?? []);
  if (!open.length && !gaps.data?.warnings.length) return null;
  return (
    <div className={`rota-gaps ${tonight.length ? 'rota-gaps-now' : ''}`} role="alert" data-testid="rota-gaps">
      {tonight.length > 0 && (
        <p>
          <strong>{t('rota.gapTonight')}</strong>
        </p>
      )}
      {open.length > 0 && <p>{t('rota.gaps', { n: open.length })}</p>}
      <ul>
        {open.map((g) => (
          <li key={g.start} data-testid="rota-gap">
            {spanLabel(g.start, g.end, lang)}
          </li>
        ))}
      </ul>
      {gaps.data && gaps.data.warnings.length > 0 && (
        <p className="muted">{t('rota.warnings', { n: gaps.data.warnings.length })}</p>
      )}
    </div>
  );
}
