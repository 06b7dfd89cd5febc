// Calls on the line: by hour of the night, by weekday, by kind of caller; time to answer. Region-wide.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/nl';
import { BarChart, type Series } from './BarChart';
import { FigureTable, type Column } from './FigureTable';
import type { Figures, TableName } from './api';
import type { FigureFormat } from './format';

type Outcomes = Figures['calls']['outcomes'];
const OUTCOMES = [
  ['answered', '--ok'],
  ['voicemail', '--warn'],
  ['missed', '--danger'],
] as const;

interface Props {
  f: Figures;
  fmt: FigureFormat;
  csv: (t: TableName) => string;
}

export function CallsSection({ f, fmt, csv }: Props) {
  const { t } = useI18n();
  const c = f.calls;
  const outcome = (k: keyof Outcomes) => t(`figures.outcome.${k}` as MessageKey);
  const cols = <R extends Outcomes>(first: Column<R>): Column<R>[] => [
    first,
    ...(['answered', 'voicemail', 'missed', 'ringing', 'total'] as const).map((k) => ({
      label: outcome(k),
      value: (r: R) => fmt.n(r[k]),
      num: true,
    })),
  ];
  const series = (rows: Outcomes[]): Series[] =>
    OUTCOMES.map(([k, color]) => ({ label: outcome(k), data: rows.map((r) => r[k]), color }));
  const charts = useMemo(
    () => ({
      hour: { labels: c.byHour.map((h) => fmt.hour(h.hour)), series: series(c.byHour) },
      weekday: { labels: c.byWeekday.map((d) => fmt.weekday(d.weekday)), series: series(c.byWeekday) },
      referrer: { labels: c.byReferrer.map((r) => fmt.label('figures.caller', r.kind)), series: series(c.byReferrer) },
    }),
    [f, fmt],
  );

  return (
    <section className="fig-section" aria-labelledby="fig-calls">
      <h2 id="fig-calls">{t('figures.calls')}</h2>
      <p className="muted">{t('figures.callsRegionWide')}</p>
      <div className="fig-grid">
        <div className="fig-card">
          <h3>{t('figures.byHour')}</h3>
          <BarChart title={t('figures.byHour')} {...charts.hour} stacked />
        </div>
        <div className="fig-card">
          <h3>{t('figures.byWeekday')}</h3>
          <BarChart title={t('figures.byWeekday')} {...charts.weekday} stacked />
        </div>
        <div className="fig-card">
          <h3>{t('figures.byCaller')}</h3>
          <BarChart title={t('figures.byCaller')} {...charts.referrer} stacked horizontal height={220} />
        </div>
      </div>
      <div className="fig-grid">
        <FigureTable
          caption={t('figures.outcomes')}
          csv={csv('calls_outcomes')}
          columns={[
            { label: t('figures.outcome'), value: (r: [string, number]) => r[0] },
            { label: t('figures.count'), value: (r) => fmt.n(r[1]), num: true },
          ]}
          rows={(['answered', 'voicemail', 'missed', 'ringing', 'total'] as const).map((k): [string, number] => [
            outcome(k),
            c.outcomes[k],
          ])}
        />
        <FigureTable
          caption={t('figures.timeToAnswer')}
          csv={csv('time_to_answer')}
          columns={[
            { label: t('figures.count'), value: (s: typeof c.timeToAnswer) => fmt.n(s.count) },
            { label: t('figures.meanSec'), value: (s) => fmt.n(s.meanSec), num: true },
            { label: t('figures.medianSec'), value: (s) => fmt.n(s.medianSec), num: true },
            { label: t('figures.p90Sec'), value: (s) => fmt.n(s.p90Sec), num: true },
          ]}
          rows={[c.timeToAnswer]}
        />
        <FigureTable
          caption={t('figures.byHour')}
          csv={csv('calls_by_hour')}
          columns={cols<Figures['calls']['byHour'][number]>({
            label: t('figures.hour'),
            value: (r) => fmt.hour(r.hour),
          })}
          rows={c.byHour}
        />
        <FigureTable
          caption={t('figures.byWeekday')}
          csv={csv('calls_by_weekday')}
          columns={cols<Figures['calls']['byWeekday'][number]>({
            label: t('figures.nightOf'),
            value: (r) => fmt.weekday(r.weekday),
          })}
          rows={c.byWeekday}
        />
        <FigureTable
          caption={t('figures.byCaller')}
          csv={csv('calls_by_referrer')}
          columns={cols<Figures['calls']['byReferrer'][number]>({
            label: t('figures.caller'),
            value: (r) => fmt.label('figures.caller', r.kind),
          })}
          rows={c.byReferrer}
        />
      </div>
    </section>
  );
}
