// The printable cost statement (/kerncijfers?view=costs&month=YYYY-MM[&ocmw=NIS]): per OCMW the
// guarantees whose first night is in the month, per place and line by line, for settlement.
import { useCallback, useState } from 'react';
import type { Municipality } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { costsCsvUrl, fetchCosts } from './api';
import { FigureTable } from './FigureTable';
import { useFigureFormat } from './format';

interface Props {
  month: string;
  ocmw: string;
  municipalities: Municipality[];
  own: string[] | null;
  regionName: string;
}

export function CostStatementView({ month: m0, ocmw: o0, municipalities, own, regionName }: Props) {
  const { t, lang } = useI18n();
  const fmt = useFigureFormat();
  const [month, setMonth] = useState(m0);
  const [ocmw, setOcmw] = useState(o0);
  const load = useCallback((signal: AbortSignal) => fetchCosts(month, ocmw, signal), [month, ocmw]);
  const s = useApi(load);
  const choices = own ? municipalities.filter((m) => own.includes(m.nis)) : municipalities;

  const change = (m: string, o: string) => {
    if (!/^\d{4}-\d{2}$/.test(m)) return;
    setMonth(m);
    setOcmw(o);
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}?${new URLSearchParams({ view: 'costs', month: m, ...(o ? { ocmw: o } : {}) })}`,
    );
  };

  return (
    <article className="fig-print fig-costs">
      <div className="fig-print-head">
        <h1>{t('figures.costTitle', { month: fmt.longMonth(month) })}</h1>
        <p>
          {regionName} · {t('figures.costRule')}
        </p>
      </div>
      <div className="fig-print-tools no-print">
        <label>
          <span>{t('figures.month')}</span>
          <input type="month" value={month} onChange={(e) => change(e.target.value, ocmw)} />
        </label>
        <label>
          <span>{t('figures.ocmw')}</span>
          <select value={ocmw} onChange={(e) => change(month, e.target.value)}>
            <option value="">{own ? t('figures.allMine') : t('figures.allOcmws')}</option>
            {choices.map((m) => (
              <option key={m.nis} value={m.nis}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('figures.print')}
        </button>
        <a className="btn btn-small" href={costsCsvUrl(month, ocmw, 'places', lang)} download>
          {t('figures.csvPlaces')}
        </a>
        <a className="btn btn-small" href={costsCsvUrl(month, ocmw, 'lines', lang)} download>
          {t('figures.csvLines')}
        </a>
        <a href="/kerncijfers">{t('figures.backToDashboard')}</a>
      </div>
      {s.status === 'loading' && <Loading />}
      {s.status === 'error' && <ErrorBox message={apiErrorText(t, s.error)} onRetry={s.reload} />}
      {s.status === 'ready' && (
        <>
          <p className="fig-cost-total">
            {t('figures.costTotal', {
              guarantees: fmt.n(s.data.total.guarantees),
              nights: fmt.n(s.data.total.nights),
              amount: fmt.euro(s.data.total.totalCents),
            })}
          </p>
          {s.data.ocmws.length === 0 && <p className="muted">{t('figures.noGuarantees')}</p>}
          {s.data.ocmws.map((o) => (
            <section key={o.nis} className="fig-section fig-cost-ocmw">
              <h2>
                {o.name} <span className="muted">({o.nis})</span>
              </h2>
              <FigureTable
                caption={t('figures.perPlace')}
                rows={o.places}
                columns={[
                  { label: t('figures.place'), value: (p) => p.place },
                  { label: t('figures.placeType'), value: (p) => fmt.label('type', p.type) },
                  { label: t('figures.municipality'), value: (p) => p.municipality },
                  { label: t('figures.guarantees'), value: (p) => fmt.n(p.guarantees), num: true },
                  { label: t('figures.nights'), value: (p) => fmt.n(p.nights), num: true },
                  { label: t('figures.amount'), value: (p) => fmt.euro(p.totalCents), num: true },
                ]}
                foot={[t('figures.total'), '', '', fmt.n(o.guarantees), fmt.n(o.nights), fmt.euro(o.totalCents)]}
              />
              <FigureTable
                caption={t('figures.lines')}
                rows={o.lines}
                columns={[
                  { label: t('figures.guarantee'), value: (l) => l.guaranteeId.slice(0, 8) },
                  { label: t('figures.firstNight'), value: (l) => fmt.date(l.firstNight) },
                  { label: t('figures.place'), value: (l) => l.place },
                  { label: t('figures.nights'), value: (l) => fmt.n(l.nights), num: true },
                  { label: t('figures.pricePerNight'), value: (l) => fmt.euro(l.costPerNightCents), num: true },
                  { label: t('figures.amount'), value: (l) => fmt.euro(l.totalCents), num: true },
                ]}
              />
            </section>
          ))}
        </>
      )}
      <footer className="fig-print-foot">{t('figures.noPersonalData')}</footer>
    </article>
  );
}
