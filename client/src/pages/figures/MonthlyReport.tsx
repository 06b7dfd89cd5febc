// The printable monthly evaluation report (/kerncijfers?view=report&month=YYYY-MM): the month's key
// figures with charts and tables, laid out for paper (figures.css @media print).
import { useCallback, useState } from 'react';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { csvUrl, fetchFigures, type Filter } from './api';
import { FigureBody } from './Dashboard';
import { useFigureFormat } from './format';
import { monthRange } from './periods';

interface Props {
  month: string;
  municipality: string;
  municipalityName: string | null;
  regionName: string;
}

export function MonthlyReport({ month: initialMonth, municipality, municipalityName, regionName }: Props) {
  const { t, lang } = useI18n();
  const fmt = useFigureFormat();
  const [month, setMonth] = useState(initialMonth);
  const filter: Filter = { ...monthRange(month), municipality };
  const load = useCallback(
    (signal: AbortSignal) => fetchFigures({ ...monthRange(month), municipality }, signal),
    [month, municipality],
  );
  const figures = useApi(load);

  const pick = (m: string) => {
    if (!/^\d{4}-\d{2}$/.test(m)) return;
    setMonth(m);
    const q = new URLSearchParams({ view: 'report', month: m, ...(municipality ? { municipality } : {}) });
    window.history.replaceState(null, '', `${window.location.pathname}?${q}`);
  };

  return (
    <article className="fig-print fig-report">
      <div className="fig-print-head">
        <h1>{t('figures.reportTitle', { month: fmt.longMonth(month) })}</h1>
        <p>
          {regionName}
          {municipalityName ? ` · ${municipalityName}` : ` · ${t('figures.allRegion')}`}
        </p>
      </div>
      <div className="fig-print-tools no-print">
        <label>
          <span>{t('figures.month')}</span>
          <input type="month" value={month} onChange={(e) => pick(e.target.value)} />
        </label>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('figures.print')}
        </button>
        <a href="/kerncijfers">{t('figures.backToDashboard')}</a>
      </div>
      {figures.status === 'loading' && <Loading />}
      {figures.status === 'error' && <ErrorBox message={apiErrorText(t, figures.error)} onRetry={figures.reload} />}
      {figures.status === 'ready' && (
        <FigureBody f={figures.data} fmt={fmt} csv={(table) => csvUrl(table, filter, lang)} />
      )}
      <footer className="fig-print-foot">{t('figures.noPersonalData')}</footer>
    </article>
  );
}
