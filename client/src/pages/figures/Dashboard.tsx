// The key figures dashboard: filters, headline numbers, then calls, intakes, places, follow-up,
// per night/month and per municipality. The filter lives in the URL, so a view can be shared.
import { useCallback, useState } from 'react';
import type { Municipality } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { csvUrl, fetchFigures, type Figures, type Filter, type TableName } from './api';
import { MunicipalitySection, TimelineSection } from './Breakdowns';
import { CallsSection } from './CallsSection';
import { Filters } from './Filters';
import { useFigureFormat, type FigureFormat } from './format';
import { IntakesSection } from './IntakesSection';
import { PlacesSection } from './PlacesSection';
import { monthOf } from './periods';

interface Props {
  initial: Filter;
  municipalities: Municipality[];
  own: string[] | null;
}

export function Dashboard({ initial, municipalities, own }: Props) {
  const { t, lang } = useI18n();
  const fmt = useFigureFormat();
  const [filter, setFilter] = useState(initial);
  const load = useCallback((signal: AbortSignal) => fetchFigures(filter, signal), [filter]);
  const figures = useApi(load);

  const change = (f: Filter) => {
    setFilter(f);
    const q = new URLSearchParams({
      from: f.from,
      to: f.to,
      ...(f.municipality ? { municipality: f.municipality } : {}),
    });
    window.history.replaceState(null, '', `${window.location.pathname}?${q}`);
  };
  const csv = (table: TableName) => csvUrl(table, filter, lang);
  const month = monthOf(filter.from);
  const muni = filter.municipality ? `&ocmw=${filter.municipality}` : '';

  return (
    <>
      <Filters value={filter} municipalities={municipalities} own={own} onChange={change} />
      <p className="fig-links no-print">
        <a
          href={`/kerncijfers?view=report&month=${month}${filter.municipality ? `&municipality=${filter.municipality}` : ''}`}
          target="_blank"
          rel="noopener"
        >
          {t('figures.monthlyReport')}
        </a>
        <a href={`/kerncijfers?view=costs&month=${month}${muni}`} target="_blank" rel="noopener">
          {t('figures.costStatement')}
        </a>
      </p>
      {figures.status === 'loading' && <Loading />}
      {figures.status === 'error' && <ErrorBox message={apiErrorText(t, figures.error)} onRetry={figures.reload} />}
      {figures.status === 'ready' && <FigureBody f={figures.data} fmt={fmt} csv={csv} />}
    </>
  );
}

/** Everything below the filters; the monthly report shows the same. */
export function FigureBody({ f, fmt, csv }: { f: Figures; fmt: FigureFormat; csv: (t: TableName) => string }) {
  const { t } = useI18n();
  const c = f.calls.outcomes;
  const tiles: [string, string][] = [
    [t('figures.calls'), fmt.n(c.total)],
    [t('figures.answeredShare'), fmt.pct(c.total ? c.answered / c.total : null)],
    [t('figures.intakes'), fmt.n(f.intakes.total)],
    [t('figures.children'), fmt.n(f.intakes.children)],
    [t('figures.placements'), fmt.n(f.placements.total.placements)],
    [t('figures.nights'), fmt.n(f.placements.total.nightsUsed)],
    [t('figures.occupancy'), fmt.pct(f.placements.total.occupancy)],
    [t('figures.onTimeShare'), fmt.pct(f.handoffs.onTimeShare)],
    [t('figures.coverage'), fmt.pct(f.rota.coverage)],
  ];
  return (
    <div className="fig-body">
      <p className="muted">
        {t('figures.periodLine', { from: fmt.date(f.period.from), to: fmt.date(f.period.to), nights: f.period.nights })}
      </p>
      <dl className="fig-tiles">
        {tiles.map(([label, value]) => (
          <div key={label} className="fig-tile">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <CallsSection f={f} fmt={fmt} csv={csv} />
      <IntakesSection f={f} fmt={fmt} csv={csv} />
      <PlacesSection f={f} fmt={fmt} csv={csv} />
      <TimelineSection f={f} fmt={fmt} csv={csv} />
      <MunicipalitySection f={f} fmt={fmt} csv={csv} />
    </div>
  );
}
