// /overdrachten: the OCMW's queue (only its own municipality; the desk sees all), one handoff with
// its case and actions (?id=<id>), and a printable list for the morning.
import { useCallback, useEffect, useState } from 'react';
import { fetchHandoff, fetchHandoffs } from '../../api/handoffs';
import type { IntakeDetail } from '../../api/intake';
import { fetchRegion } from '../../api/region';
import { useApi } from '../../api/useApi';
import { useLive } from '../../api/useLive';
import { ErrorBox } from '../../components/ErrorBox';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';
import { navigate, useQueryParam } from '../../routing/router';
import { CaseView, useDateTime } from '../case/CaseView';
import '../case/case.css';
import { HandoffActions } from './HandoffActions';

const EVENTS = ['handoffs:changed'] as const;

export function HandoffsPage() {
  const t = useT();
  const id = useQueryParam('id');
  return (
    <section className="handoffs">
      <h1>{t('nav.handoffs')}</h1>
      {id ? <OneHandoff id={id} /> : <Queue />}
    </section>
  );
}

function Queue() {
  const t = useT();
  const dateTime = useDateTime();
  const live = useLive(fetchHandoffs, EVENTS);
  if (live.error && !live.data) return <ErrorBox message={apiErrorText(t, live.error)} onRetry={live.reload} />;
  if (!live.data) return <Loading />;
  return (
    <>
      <p className="no-print">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('handoff.print')}
        </button>
      </p>
      {live.data.length === 0 && <p className="muted">{t('handoff.none')}</p>}
      <ul className="case-list" data-testid="handoff-queue">
        {live.data.map((h) => (
          <li key={h.id}>
            <Link
              href={`/overdrachten?id=${h.id}`}
              className={h.overdue ? 'overdue' : ''}
              data-testid="handoff-item"
              data-status={h.status}
            >
              {h.reference && <span className="case-reference">{h.reference}</span>} <strong>{h.person}</strong> ·{' '}
              {t(`household.${h.household.type}` as MessageKey)}
              {h.household.children > 0 && ` · ${t('case.children', { n: h.household.children })}`}
              <br />
              {h.ocmw.name} · {t(`handoff.status.${h.status}` as MessageKey)} ·{' '}
              {t('case.due', { time: dateTime(h.dueAt) })}
              {h.overdue && ` · ${t('handoff.overdue')}`}
              {h.place && (
                <>
                  <br />
                  <span className="muted">
                    {h.place.name}
                    {h.nights !== null && ` · ${t('handoff.nights', { n: h.nights })}`}
                  </span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function OneHandoff({ id }: { id: string }) {
  const t = useT();
  const region = useApi(fetchRegion);
  const load = useCallback((signal: AbortSignal) => fetchHandoff(id, signal), [id]);
  const live = useLive(load, EVENTS);
  const [fresh, setFresh] = useState<IntakeDetail | null>(null);
  useEffect(() => setFresh(null), [live.data]);
  const c = fresh ?? live.data;
  if (live.error && !c) return <ErrorBox message={apiErrorText(t, live.error)} onRetry={live.reload} />;
  if (!c || region.status !== 'ready') return <Loading />;
  return (
    <>
      <p className="no-print">
        <Link href="/overdrachten">{t('handoff.back')}</Link>
        {c.handoff && (
          <>
            {' '}
            ·{' '}
            <Link href={`/wonen?handoff=${c.handoff.id}`} data-testid="handoff-to-housing">
              {t('handoff.toHousing')}
            </Link>
          </>
        )}
      </p>
      <HandoffActions
        c={c}
        municipalities={region.data.municipalities}
        onChange={(r) => (r ? setFresh(r) : navigate('/overdrachten'))}
      />
      <CaseView c={c} />
    </>
  );
}
