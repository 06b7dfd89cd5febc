// /wonen: after the night, the road home. The published allocation rules, the pool of transit homes
// against each municipality's target, the proposal for a home with each candidate's reasons, and
// (per role) registration, the waiting list, move-in and outflow, and the wooncel's figures.
import { useCallback, useState } from 'react';
import {
  allocate,
  fetchOccupancy,
  fetchPool,
  fetchProposal,
  fetchRules,
  type Home,
  type Proposal,
} from '../../api/housing';
import { useAction } from '../../api/useAction';
import { useLive } from '../../api/useLive';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';
import { useCan } from '../../session/useCan';
import { Casework } from './Casework';
import { EVENTS, useWords } from './live';
import { HousingFigures } from './HousingFigures';
import './housing.css';

export function HousingPage() {
  const t = useT();
  const can = useCan();
  return (
    <section className="housing">
      <h1>{t('housing.title')}</h1>
      <Rules />
      <PoolView canPropose={can('housing.propose')} canAllocate={can('housing.decide')} />
      {can('housing.cases.read') && <Casework canRegister={can('housing.register')} />}
      {can('figures.housing') && <HousingFigures />}
    </section>
  );
}

function Rules() {
  const t = useT();
  const words = useWords();
  const live = useLive(fetchRules, EVENTS);
  if (!live.data) return null;
  return (
    <section className="housing-block" data-testid="housing-rules">
      <h2>{t('housing.rules')}</h2>
      <ol>
        {live.data.words.map((w, i) => (
          <li key={i}>{words(w)}</li>
        ))}
      </ol>
    </section>
  );
}

function PoolView({ canPropose, canAllocate }: { canPropose: boolean; canAllocate: boolean }) {
  const t = useT();
  const live = useLive(fetchPool, EVENTS);
  const [open, setOpen] = useState<string | null>(null);
  if (live.error && !live.data) return <ErrorBox message={apiErrorText(t, live.error)} onRetry={live.reload} />;
  if (!live.data) return <Loading />;
  const { homes, targets, perInhabitants } = live.data;
  return (
    <section className="housing-block">
      <h2>{t('housing.pool')}</h2>
      <ul className="housing-list" data-testid="housing-pool">
        {homes.map((h) => (
          <li key={h.id} data-testid="housing-home" data-status={h.status}>
            <div className="housing-row">
              <span>
                <strong>{h.name}</strong> · {t(`housing.kind.${h.kind}` as MessageKey)} ·{' '}
                <span className={`pill pill-${h.status}`}>{t(`housing.status.${h.status}` as MessageKey)}</span>
                {h.occupiedSince && <span className="muted"> · {h.occupiedSince}</span>}
              </span>
              {canPropose && h.status !== 'inactive' && h.status !== 'allocated' && (
                <button
                  type="button"
                  className="btn"
                  data-testid="housing-propose"
                  onClick={() => setOpen(open === h.id ? null : h.id)}
                >
                  {t('housing.propose')}
                </button>
              )}
            </div>
            {open === h.id && <ProposalView home={h} canAllocate={canAllocate} onDone={() => setOpen(null)} />}
          </li>
        ))}
      </ul>
      <Occupancy />
      <details>
        <summary>{t('housing.targets', { n: perInhabitants.toLocaleString() })}</summary>
        <table className="housing-table">
          <thead>
            <tr>
              <th>{t('housing.municipality')}</th>
              <th>{t('housing.target')}</th>
              <th>{t('housing.brought')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((m) => (
              <tr key={m.nis} className={m.brought < m.target ? 'short' : ''}>
                <td>{m.name}</td>
                <td>{m.target}</td>
                <td>{m.brought}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function ProposalView({ home, canAllocate, onDone }: { home: Home; canAllocate: boolean; onDone: () => void }) {
  const t = useT();
  const words = useWords();
  const load = useCallback((signal: AbortSignal) => fetchProposal(home.id, signal), [home.id]);
  const live = useLive<Proposal>(load, EVENTS);
  const act = useAction();
  const [reason, setReason] = useState('');
  if (live.error && !live.data) return <ErrorBox message={apiErrorText(t, live.error)} onRetry={live.reload} />;
  if (!live.data) return <Loading />;
  const p = live.data;
  return (
    <div className="housing-proposal" data-testid="housing-proposal">
      <h3>{t('housing.proposalFor', { home: p.home.name })}</h3>
      {p.ranked.length === 0 && <p className="muted">{t('housing.noCandidates')}</p>}
      <ol className="housing-ranked">
        {p.ranked.map((c) => (
          <li key={c.id} data-testid="housing-candidate">
            <div className="housing-row">
              <span>
                <strong>
                  {t('housing.rank', { n: c.rank })} {c.personName}
                </strong>{' '}
                · {t(`household.${c.household.type}` as MessageKey)}
              </span>
              {canAllocate && (
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="housing-allocate"
                  disabled={act.busy}
                  onClick={() => void act.run(() => allocate(home.id, c.id, c.rank > 1 ? reason : undefined), onDone)}
                >
                  {t('housing.allocate')}
                </button>
              )}
            </div>
            <ul className="housing-reasons">
              {c.reasons.map((r) => (
                <li key={r.criterion}>{words(r)}</li>
              ))}
            </ul>
            {c.decidedBy && (
              <p className="muted">
                {t('housing.decidedBy', { criterion: t(`housing.criterion.${c.decidedBy}` as MessageKey) })}
              </p>
            )}
          </li>
        ))}
      </ol>
      {canAllocate && p.ranked.length > 1 && (
        <label className="housing-field">
          {t('housing.reason')}
          <textarea
            data-testid="housing-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={act.issues.reason ? true : undefined}
          />
        </label>
      )}
      {act.error && (
        <p className="form-error" role="alert">
          {act.error}
        </p>
      )}
      {p.excluded.length > 0 && (
        <details>
          <summary>
            {t('housing.excluded')} ({p.excluded.length})
          </summary>
          <ul>
            {p.excluded.map((c) => (
              <li key={c.id}>
                {c.personName}: {c.reasons.map(words).join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The last six months of occupancy, this month included (the browser's calendar month). */
function Occupancy() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => {
    const now = new Date();
    const month = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    return fetchOccupancy(month(new Date(now.getFullYear(), now.getMonth() - 5, 1)), month(now), signal);
  }, []);
  const live = useLive(load, EVENTS);
  if (!live.data) return null;
  return (
    <details data-testid="housing-occupancy">
      <summary>{t('housing.occupancy')}</summary>
      <table className="housing-table">
        <thead>
          <tr>
            <th>{t('housing.month')}</th>
            <th>{t('housing.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {live.data.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td>
                {Math.round(m.rate * 100)}% ({m.occupiedDays}/{m.homeDays})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
