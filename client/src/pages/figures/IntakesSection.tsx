// Intakes: households (children apart), ETHOS situations, referrers, time from call to placement.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useT';
import { BarChart } from './BarChart';
import { FigureTable } from './FigureTable';
import type { Figures, TableName } from './api';
import type { FigureFormat } from './format';

interface Props {
  f: Figures;
  fmt: FigureFormat;
  csv: (t: TableName) => string;
}

export function IntakesSection({ f, fmt, csv }: Props) {
  const { t } = useI18n();
  const i = f.intakes;
  const charts = useMemo(
    () => ({
      households: {
        labels: i.byHousehold.map((h) => fmt.label('household', h.type)),
        series: [
          { label: t('figures.intakes'), data: i.byHousehold.map((h) => h.intakes), color: '--accent' },
          { label: t('figures.children'), data: i.byHousehold.map((h) => h.children), color: '--warn' },
        ],
      },
      ethos: {
        labels: i.byEthos.map((e) => fmt.label('ethos', e.ethos)),
        series: [{ label: t('figures.intakes'), data: i.byEthos.map((e) => e.intakes), color: '--accent' }],
      },
    }),
    [f, fmt, t],
  );
  const ctp = i.callToPlacement;

  return (
    <section className="fig-section" aria-labelledby="fig-intakes">
      <h2 id="fig-intakes">{t('figures.intakesTitle')}</h2>
      <div className="fig-grid">
        <div className="fig-card">
          <h3>{t('figures.households')}</h3>
          <BarChart title={t('figures.households')} {...charts.households} horizontal height={280} />
        </div>
        <div className="fig-card">
          <h3>{t('figures.ethos')}</h3>
          <BarChart title={t('figures.ethos')} {...charts.ethos} horizontal height={280} />
        </div>
      </div>
      <div className="fig-grid">
        <FigureTable
          caption={t('figures.households')}
          csv={csv('households')}
          rows={i.byHousehold}
          columns={[
            { label: t('figures.household'), value: (h) => fmt.label('household', h.type) },
            { label: t('figures.intakes'), value: (h) => fmt.n(h.intakes), num: true },
            { label: t('figures.adults'), value: (h) => fmt.n(h.adults), num: true },
            { label: t('figures.children'), value: (h) => fmt.n(h.children), num: true },
          ]}
          foot={[t('figures.total'), fmt.n(i.total), fmt.n(i.adults), fmt.n(i.children)]}
        />
        <FigureTable
          caption={t('figures.ethos')}
          csv={csv('ethos')}
          rows={i.byEthos}
          columns={[
            { label: t('figures.situation'), value: (e) => fmt.label('ethos', e.ethos) },
            { label: t('figures.intakes'), value: (e) => fmt.n(e.intakes), num: true },
          ]}
        />
        <FigureTable
          caption={t('figures.referrers')}
          csv={csv('intake_referrers')}
          rows={i.byReferrer}
          columns={[
            { label: t('figures.referrer'), value: (r) => fmt.label('referrer', r.kind) },
            { label: t('figures.intakes'), value: (r) => fmt.n(r.intakes), num: true },
            { label: t('figures.children'), value: (r) => fmt.n(r.children), num: true },
          ]}
        />
        <FigureTable
          caption={t('figures.callToPlacement')}
          csv={csv('call_to_placement')}
          rows={[ctp]}
          columns={[
            { label: t('figures.count'), value: (s) => fmt.n(s.count) },
            { label: t('figures.meanMin'), value: (s) => fmt.n(s.meanMin), num: true },
            { label: t('figures.medianMin'), value: (s) => fmt.n(s.medianMin), num: true },
            { label: t('figures.p90Min'), value: (s) => fmt.n(s.p90Min), num: true },
          ]}
        />
        <FigureTable
          caption={t('figures.referrerLoop')}
          csv={csv('referrer_loop')}
          rows={[f.referrerLoop]}
          columns={[
            { label: t('figures.referrerLoop.held'), value: (r) => fmt.n(r.held) },
            { label: t('figures.referrerLoop.confirmed'), value: (r) => fmt.n(r.confirmed), num: true },
            {
              label: t('figures.referrerLoop.medianMin'),
              value: (r) => fmt.n(r.callToConfirmation.medianMin),
              num: true,
            },
            { label: t('figures.referrerLoop.callBacks'), value: (r) => fmt.n(r.callBacks), num: true },
            { label: t('figures.referrerLoop.perCase'), value: (r) => fmt.n(r.callBacksPerCase), num: true },
          ]}
        />
      </div>
    </section>
  );
}
