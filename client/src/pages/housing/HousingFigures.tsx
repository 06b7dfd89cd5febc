// The wooncel's figures, as the Kempen publishes them, with CSV per table and print.
import { fetchHousingFigures } from '../../api/housing';
import { useLive } from '../../api/useLive';
import type { MessageKey } from '../../i18n/nl';
import { useI18n, useT } from '../../i18n/useT';
import { EVENTS } from './live';

const TABLES = ['summary', 'household_types', 'home_kinds', 'origins', 'outflow', 'destinations'] as const;

export function HousingFigures() {
  const t = useT();
  const { lang } = useI18n();
  const live = useLive(fetchHousingFigures, EVENTS);
  if (!live.data) return null;
  const f = live.data;
  const q = `from=${f.period.from}&to=${f.period.to}&lang=${lang === 'en' ? 'en' : 'nl'}`;
  return (
    <section className="housing-block" data-testid="housing-figures">
      <h2>
        {t('housing.figures')}{' '}
        <span className="muted">
          {f.period.from} – {f.period.to}
        </span>
      </h2>
      <dl className="housing-tiles">
        <div>
          <dt>{t('housing.fig.registrations')}</dt>
          <dd data-testid="fig-registrations">{f.registrations}</dd>
        </div>
        <div>
          <dt>{t('housing.fig.households')}</dt>
          <dd data-testid="fig-households">{f.housed.households}</dd>
        </div>
        <div>
          <dt>{t('housing.fig.persons')}</dt>
          <dd>
            {f.housed.persons} ({f.housed.adults} – {f.housed.children})
          </dd>
        </div>
        <div>
          <dt>{t('housing.fig.finished')}</dt>
          <dd data-testid="fig-finished">{f.finished.trajectories}</dd>
        </div>
        <div>
          <dt>{t('housing.fig.stay')}</dt>
          <dd>
            {f.finished.minMonths ?? '—'} – {f.finished.avgMonths ?? '—'} – {f.finished.maxMonths ?? '—'}
          </dd>
        </div>
      </dl>
      <table className="housing-table">
        <tbody>
          {f.householdTypes.map((r) => (
            <tr key={r.type}>
              <td>{t(`household.${r.type}` as MessageKey)}</td>
              <td>{r.count}</td>
            </tr>
          ))}
          {f.origins
            .flatMap((g) => g.origins.filter((o) => o.count > 0))
            .map((o) => (
              <tr key={o.origin}>
                <td>{t(`housing.origin.${o.origin}` as MessageKey)}</td>
                <td>{o.count}</td>
              </tr>
            ))}
          {f.outflow.map((r) => (
            <tr key={r.kind}>
              <td>{t(`housing.endKind.${r.kind}` as MessageKey)}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="no-print">
        {TABLES.map((table) => (
          <a key={table} className="btn btn-small" href={`/api/housing/figures/csv?${q}&table=${table}`} download>
            {t(`housing.csv.${table}` as MessageKey)}
          </a>
        ))}
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {t('housing.print')}
        </button>
      </p>
    </section>
  );
}
