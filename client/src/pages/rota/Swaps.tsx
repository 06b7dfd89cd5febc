// Open swap requests: the colleague asked (or a coordinator) answers; who asked can cancel.
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { decideSwap } from '../../api/rota';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { dayLabel, hhmm } from './time';
import { attempt, useRotaFromNow } from './useRota';

export function Swaps({ userId, lead }: { userId: string; lead: boolean }) {
  const { t, lang } = useI18n();
  const { rota } = useRotaFromNow(61, 1);
  const [error, setError] = useState<string | null>(null);
  const names = new Map(rota.data?.staff.map((s) => [s.id, s.name]));
  const open = (rota.data?.swaps ?? []).filter(
    (s) => s.status === 'requested' && (lead || s.toUserId === userId || s.fromUserId === userId),
  );
  const decide = async (id: string, verb: 'accept' | 'reject' | 'cancel') =>
    setError(
      await attempt(
        () => decideSwap(id, verb),
        (e) => apiErrorText(t, e instanceof ApiError ? e : new ApiError(0, null)),
      ),
    );
  if (!open.length && !error) return null;
  return (
    <div className="rota-box" data-testid="swap-list">
      <h2>{t('rota.swaps')}</h2>
      <ul className="rota-list">
        {open.map((s) => (
          <li key={s.id}>
            <span>
              {t('rota.swapLine', { from: names.get(s.fromUserId) ?? '?', to: names.get(s.toUserId) ?? '?' })} ·{' '}
              {t(`calls.role.${s.slot}` as MessageKey)} · {dayLabel(s.start, lang)} {hhmm(s.start)} –{' '}
              {dayLabel(s.end, lang)} {hhmm(s.end)}
            </span>
            <span className="rota-actions">
              {(lead || s.toUserId === userId) && (
                <>
                  <button type="button" className="btn btn-primary" onClick={() => void decide(s.id, 'accept')}>
                    {t('rota.accept')}
                  </button>
                  <button type="button" className="btn" onClick={() => void decide(s.id, 'reject')}>
                    {t('rota.reject')}
                  </button>
                </>
              )}
              {(lead || s.fromUserId === userId) && (
                <button type="button" className="btn" onClick={() => void decide(s.id, 'cancel')}>
                  {t('common.cancel')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
