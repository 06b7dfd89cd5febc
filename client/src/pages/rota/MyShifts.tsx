// My shifts for the coming month, a swap request per shift, and my private calendar link.
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { fetchMyShifts, newIcalLink, requestSwap, type Shift } from '../../api/rota';
import { useLive } from '../../api/useLive';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { dayLabel, hhmm } from './time';
import { attempt, ROTA_EVENTS, useRotaFromNow } from './useRota';

export function MyShifts({ userId }: { userId: string }) {
  const { t, lang } = useI18n();
  const shifts = useLive(fetchMyShifts, ROTA_EVENTS);
  const staff = useRotaFromNow(1).rota.data?.staff ?? [];
  const [ical, setIcal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = (err: unknown) => apiErrorText(t, err instanceof ApiError ? err : new ApiError(0, null));
  const makeLink = async () => setError(await attempt(async () => setIcal((await newIcalLink()).url), text));
  return (
    <div className="rota-box" data-testid="my-shifts">
      <h2>{t('rota.myShifts')}</h2>
      {shifts.data?.shifts.length === 0 && <p className="muted">{t('rota.noShifts')}</p>}
      <ul className="rota-list">
        {shifts.data?.shifts.map((s) => (
          <li key={`${s.slot}-${s.start}`}>
            <span>
              {dayLabel(s.start, lang)} {hhmm(s.start)} – {dayLabel(s.end, lang)} {hhmm(s.end)} ·{' '}
              {t(`calls.role.${s.slot}` as MessageKey)}
            </span>
            <SwapRequest shift={s} userId={userId} staff={staff.filter((p) => p.id !== userId && p.role !== 'admin')} />
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => void makeLink()}>
        {t('rota.icalNew')}
      </button>
      {ical && (
        <p className="ical">
          <input readOnly value={ical} aria-label={t('rota.icalLink')} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(ical)}>
            {t('rota.copy')}
          </button>
        </p>
      )}
      {ical && <p className="muted">{t('rota.icalHelp')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SwapRequest({
  shift,
  userId,
  staff,
}: {
  shift: Shift;
  userId: string;
  staff: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setState('sending');
    const err = await attempt(
      () => requestSwap({ slot: shift.slot, fromUserId: userId, toUserId: to, start: shift.start, end: shift.end }),
      (e) => apiErrorText(t, e instanceof ApiError ? e : new ApiError(0, null)),
    );
    setError(err);
    setState(err ? 'idle' : 'sent');
  };
  if (state === 'sent') return <span className="ok">{t('rota.swapAsked')}</span>;
  return (
    <span className="swap-request">
      <select value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('rota.swapWith')}>
        <option value="">{t('rota.swapWith')}</option>
        {staff.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn" disabled={!to || state === 'sending'} onClick={() => void send()}>
        {t('rota.swapAsk')}
      </button>
      {error && (
        <span className="notice notice-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
