// Week (default) or month of out-of-hours segments, day by day on the Brussels clock.
import { useState } from 'react';
import type { Segment } from '../../api/rota';
import { useI18n } from '../../i18n/useT';
import { brussels, dayLabel, spanOnDay, ZONE } from './time';
import { useRota } from './useRota';
import { DateTime } from 'luxon';

type View = 'week' | 'month';

function range(view: View, anchor: DateTime) {
  const start = view === 'week' ? anchor.startOf('week') : anchor.startOf('month');
  return { start, end: view === 'week' ? start.plus({ weeks: 1 }) : start.plus({ months: 1 }) };
}

export function RotaCalendar() {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => DateTime.now().setZone(ZONE).startOf('day'));
  const { start, end } = range(view, anchor);
  const rota = useRota(start.toISO()!, end.toISO()!);
  const names = new Map(rota.data?.staff.map((s) => [s.id, s.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? '?') : t('rota.nobody'));
  const days: DateTime[] = [];
  for (let d = start; d < end; d = d.plus({ days: 1 })) days.push(d);
  const on = (d: DateTime) =>
    (rota.data?.segments ?? []).filter((s: Segment) => brussels(s.start) < d.plus({ days: 1 }) && brussels(s.end) > d);
  const step = (n: number) => setAnchor(view === 'week' ? anchor.plus({ weeks: n }) : anchor.plus({ months: n }));
  return (
    <div className="rota-calendar" data-testid="rota-week">
      <div className="rota-nav">
        <button type="button" className="btn" onClick={() => step(-1)} aria-label={t('rota.previous')}>
          ‹
        </button>
        <strong>
          {dayLabel(start.toISO()!, lang)} – {dayLabel(end.minus({ days: 1 }).toISO()!, lang)}
        </strong>
        <button type="button" className="btn" onClick={() => step(1)} aria-label={t('rota.next')}>
          ›
        </button>
        <button type="button" className="btn" onClick={() => setView(view === 'week' ? 'month' : 'week')}>
          {view === 'week' ? t('rota.month') : t('rota.week')}
        </button>
      </div>
      <ol className="rota-days">
        {days.map((d) => (
          <li key={d.toISODate()} className="rota-day" data-testid="rota-day">
            <span className="rota-date">{dayLabel(d.toISO()!, lang)}</span>
            {on(d).map((s) => (
              <div
                key={s.start}
                className={`rota-segment ${s.primary ? '' : 'rota-segment-gap'}`}
                data-testid="rota-segment"
              >
                <span className="rota-span">{spanOnDay(s.start, s.end, d)}</span>
                <span>
                  {t('calls.role.primary')}: <strong>{name(s.primary)}</strong>
                </span>
                <span>
                  {t('calls.role.backup')}: {name(s.backup)}
                </span>
                <span>
                  {t('calls.role.coordinator')}: {name(s.coordinator)}
                </span>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
