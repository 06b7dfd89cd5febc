// Placements, nights and occupancy per place type; handoffs on time; rota coverage.
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

export function PlacesSection({ f, fmt, csv }: Props) {
  const { t } = useI18n();
  const p = f.placements;
  const chart = useMemo(
    () => ({
      labels: p.byType.map((r) => fmt.label('type', r.type)),
      series: [{ label: t('figures.occupancy'), data: p.byType.map((r) => r.occupancy ?? 0), color: '--accent' }],
    }),
    [f, fmt, t],
  );
  const h = f.handoffs;
  const r = f.rota;

  return (
    <section className="fig-section" aria-labelledby="fig-places">
      <h2 id="fig-places">{t('figures.placesTitle')}</h2>
      <p className="muted">{t('figures.occupancyNote')}</p>
      <div className="fig-grid">
        <div className="fig-card">
          <h3>{t('figures.occupancy')}</h3>
          <BarChart title={t('figures.occupancy')} {...chart} percent horizontal height={240} />
        </div>
        <FigureTable
          caption={t('figures.placeTypes')}
          csv={csv('place_types')}
          rows={p.byType}
          columns={[
            { label: t('figures.placeType'), value: (x) => fmt.label('type', x.type) },
            { label: t('figures.placements'), value: (x) => fmt.n(x.placements), num: true },
            { label: t('figures.nights'), value: (x) => fmt.n(x.nightsUsed), num: true },
            { label: t('figures.cost'), value: (x) => fmt.euro(x.costCents), num: true },
            { label: t('figures.capacity'), value: (x) => fmt.n(x.capacity), num: true },
            { label: t('figures.occupancy'), value: (x) => fmt.pct(x.occupancy), num: true },
          ]}
          foot={[
            t('figures.total'),
            fmt.n(p.total.placements),
            fmt.n(p.total.nightsUsed),
            fmt.euro(p.total.costCents),
            fmt.n(p.total.capacity),
            fmt.pct(p.total.occupancy),
          ]}
        />
      </div>
      <h2>{t('figures.followUp')}</h2>
      <div className="fig-grid">
        <FigureTable
          caption={t('figures.handoffs')}
          csv={csv('handoffs')}
          rows={[h]}
          columns={[
            { label: t('figures.handoffsTotal'), value: (x) => fmt.n(x.total) },
            { label: t('figures.onTime'), value: (x) => fmt.n(x.onTime), num: true },
            { label: t('figures.late'), value: (x) => fmt.n(x.late), num: true },
            { label: t('figures.pending'), value: (x) => fmt.n(x.pending), num: true },
            { label: t('figures.onTimeShare'), value: (x) => fmt.pct(x.onTimeShare), num: true },
          ]}
        />
        <FigureTable
          caption={t('figures.rota')}
          csv={csv('rota')}
          rows={[r]}
          columns={[
            { label: t('figures.outOfHours'), value: (x) => fmt.n(x.outOfHoursHours) },
            { label: t('figures.covered'), value: (x) => fmt.n(x.coveredHours), num: true },
            { label: t('figures.uncovered'), value: (x) => fmt.n(x.uncoveredHours), num: true },
            { label: t('figures.coverage'), value: (x) => fmt.pct(x.coverage), num: true },
            { label: t('figures.gaps'), value: (x) => fmt.n(x.gaps), num: true },
          ]}
        />
      </div>
      <p className="muted">
        {t('figures.onTimeRule', { hours: h.graceHours })} {t('figures.rotaNote')}
      </p>
    </section>
  );
}
