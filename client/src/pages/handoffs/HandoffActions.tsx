// What the OCMW does with a handoff: acknowledge, record the follow-up, forward (within 5 calendar
// days, with the reason), close. Each button shows progress and the server's sentence on failure.
import { ConfirmButton } from '../../components/ConfirmButton';
import { useState } from 'react';
import { acknowledgeHandoff, closeHandoff, forwardHandoff, recordFollowUp } from '../../api/handoffs';
import type { IntakeDetail } from '../../api/intake';
import { useAction } from '../../api/useAction';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';

const FOLLOW_UPS = ['trajectory_started', 'not_reached', 'no_show', 'refused', 'housed', 'other'] as const;
type Muni = { nis: string; name: string };

export function HandoffActions({
  c,
  municipalities,
  onChange,
}: {
  c: IntakeDetail;
  municipalities: Muni[];
  onChange: (c: IntakeDetail | null) => void;
}) {
  const t = useT();
  const act = useAction();
  const [outcome, setOutcome] = useState('trajectory_started');
  const [note, setNote] = useState('');
  const [toNis, setToNis] = useState('');
  const [reason, setReason] = useState('');
  const h = c.handoff;
  if (!h || h.status === 'closed') return null;
  return (
    <section className="case-block no-print" data-testid="handoff-actions">
      {h.status === 'open' && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          data-testid="handoff-acknowledge"
          disabled={act.busy}
          onClick={() => void act.run(() => acknowledgeHandoff(h.id), onChange)}
        >
          {t('handoff.acknowledge')}
        </button>
      )}
      {h.status === 'acknowledged' && (
        <form
          className="action-row"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run(
              () => recordFollowUp(h.id, outcome, note),
              (r) => {
                setNote('');
                onChange(r);
              },
            );
          }}
        >
          <label>
            {t('handoff.followUp')}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {FOLLOW_UPS.map((f) => (
                <option key={f} value={f}>
                  {t(`followUp.${f}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('handoff.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={act.busy}>
            {t('handoff.saveFollowUp')}
          </button>
          <ConfirmButton
            disabled={act.busy}
            testId="handoff-close"
            question={t('confirm.closeHandoff')}
            onConfirm={() => void act.run(() => closeHandoff(h.id, note), onChange)}
          >
            {t('handoff.close')}
          </ConfirmButton>
        </form>
      )}
      <details>
        <summary>{t('handoff.forward')}</summary>
        <form
          className="action-row"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run(
              () => forwardHandoff(h.id, toNis, reason),
              () => onChange(null),
            );
          }}
        >
          <label>
            {t('intake.ocmw')}
            <select required value={toNis} onChange={(e) => setToNis(e.target.value)}>
              <option value="" />
              {municipalities
                .filter((m) => m.nis !== h.ocmw.nis)
                .map((m) => (
                  <option key={m.nis} value={m.nis}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('intake.reason')}
            <input required minLength={10} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={act.busy}>
            {t('handoff.forwardSubmit')}
          </button>
        </form>
        <p className="muted">{t('handoff.forwardRule')}</p>
      </details>
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </section>
  );
}
