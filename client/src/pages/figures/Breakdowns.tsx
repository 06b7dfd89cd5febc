// What happened per night (or month) and per municipality.
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

export function TimelineSection({ f, fmt, csv }: Props) {
  const { t } = useI18n();
  const rows = f.timeline.rows;
  const chart = useMemo(
    () => ({
      labels: rows.map((r) => fmt.bucket(r.key)),
      series: [
        { label: t('figures.calls'), data: rows.map((r) => r.calls), color: '--muted' },
        { label: t('figures.intakes'), data: rows.map((r) => r.intakes), color: '--accent' },
        { label: t('figures.placements'), data: rows.map((r) => r.placements), color: '--ok' },
      ],
    }),
    [f, fmt, t],
  );
  const caption = f.timeline.bucket === 'night' ? t('figures.perNight') : t('figures.perMonth');
  return (
    <section className="fig-section" aria-labelledby="fig-timeline">
      <h2 id="fig-timeline">{caption}</h2>
      <div className="fig-card">
        <BarChart title={caption} {...chart} height={280} />
      </div>
      <FigureTable
        caption={caption}
        csv={csv('timeline')}
        rows={rows}
        columns={[
          {
            label: f.timeline.bucket === 'night' ? t('figures.night') : t('figures.month'),
            value: (r) => fmt.bucket(r.key),
          },
          { label: t('figures.calls'), value: (r) => fmt.n(r.calls), num: true },
          { label: t('figures.intakes'), value: (r) => fmt.n(r.intakes), num: true },
          { label: t('figures.placements'), value: (r) => fmt.n(r.placements), num: true },
          { label: t('figures.nights'), value: (r) => fmt.n(r.nights), num: true },
        ]}
      />
    </section>
  );
}

export function MunicipalitySection({ f, fmt, csv }: Props) {
  const { t } = useI18n();
  const rows = f.byMunicipality;
  const sum = (k: 'intakes' | 'children' | 'placements' | 'nights' | 'costCents' | 'handoffs' | 'handoffsOnTime') =>
    rows.reduce((a, r) => a + r[k], 0);
  return (
    <section className="fig-section" aria-labelledby="fig-municipalities">
      <h2 id="fig-municipalities">{t('figures.perMunicipality')}</h2>
      <FigureTable
        caption={t('figures.perMunicipality')}
        csv={csv('municipalities')}
        rows={rows}
        columns={[
          { label: t('figures.municipality'), value: (m) => m.name },
          { label: t('figures.intakes'), value: (m) => fmt.n(m.intakes), num: true },
          { label: t('figures.children'), value: (m) => fmt.n(m.children), num: true },
          { label: t('figures.placements'), value: (m) => fmt.n(m.placements), num: true },
          { label: t('figures.nights'), value: (m) => fmt.n(m.nights), num: true },
          { label: t('figures.cost'), value: (m) => fmt.euro(m.costCents), num: true },
          { label: t('figures.handoffsTotal'), value: (m) => fmt.n(m.handoffs), num: true },
          { label: t('figures.onTime'), value: (m) => fmt.n(m.handoffsOnTime), num: true },
        ]}
        foot={[
          t('figures.total'),
          fmt.n(sum('intakes')),
          fmt.n(sum('children')),
          fmt.n(sum('placements')),
          fmt.n(sum('nights')),
          fmt.euro(sum('costCents')),
          fmt.n(sum('handoffs')),
          fmt.n(sum('handoffsOnTime')),
        ]}
      />
    </section>
  );
}
