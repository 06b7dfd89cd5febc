// Coordinators: someone replaces someone for a span, or nobody does (the line left empty for a night,
// calls go straight to the next in the chain: asked first). Wins over swaps and rotations.
import { ConfirmButton } from '../../components/ConfirmButton';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { createOverride, deleteOverride } from '../../api/rota';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { dayLabel, fromLocalInput, hhmm } from './time';
import { attempt, useRotaFromNow } from './useRota';

const SLOTS = ['primary', 'backup', 'coordinator'] as const;
const NOBODY = 'none';

export function Overrides() {
  const { t, lang } = useI18n();
  const { rota, now } = useRotaFromNow(61);
  const staff = (rota.data?.staff ?? []).filter((s) => s.role !== 'admin');
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const [form, setForm] = useState({ slot: 'primary', userId: '', start: '', end: '', reason: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = (e: unknown) => apiErrorText(t, e instanceof ApiError ? e : new ApiError(0, null));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const err = await attempt(
      () =>
        createOverride({
          slot: form.slot,
          userId: form.userId === NOBODY ? null : form.userId,
          start: fromLocalInput(form.start),
          end: fromLocalInput(form.end),
          ...(form.reason ? { reason: form.reason } : {}),
        }),
      text,
    );
    setError(err);
    if (!err) setForm({ ...form, userId: '', start: '', end: '', reason: '' });
    setBusy(false);
  };
  const upcoming = (rota.data?.overrides ?? []).filter((o) => Date.parse(o.end) > now);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <div className="rota-box">
      <h2>{t('rota.overrides')}</h2>
      <ul className="rota-list">
        {upcoming.map((o) => (
          <li key={o.id}>
            <span className={o.userId === null ? 'rota-empty' : undefined}>
              {o.userId === null ? t('rota.nobodyShort') : (names.get(o.userId) ?? '?')} ·{' '}
              {t(`calls.role.${o.slot}` as MessageKey)} · {dayLabel(o.start, lang)} {hhmm(o.start)} –{' '}
              {dayLabel(o.end, lang)} {hhmm(o.end)}
              {o.reason ? ` · ${o.reason}` : ''}
            </span>
            <ConfirmButton
              testId="override-remove"
              question={t('confirm.removeOverride')}
              onConfirm={() => void attempt(() => deleteOverride(o.id), text).then(setError)}
            >
              {t('rota.remove')}
            </ConfirmButton>
          </li>
        ))}
      </ul>
      <form className="rota-form" ref={formRef} onSubmit={(e) => void submit(e)} data-testid="override-form">
        <label>
          {t('rota.slot')}
          <select name="slot" value={form.slot} onChange={(e) => setForm({ ...form, slot: e.target.value })}>
            {SLOTS.map((s) => (
              <option key={s} value={s}>
                {t(`calls.role.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rota.who')}
          <select
            name="userId"
            value={form.userId}
            required
            onChange={(e) => setForm({ ...form, userId: e.target.value })}
          >
            <option value="" />
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={NOBODY}>{t('rota.leaveEmpty')}</option>
          </select>
        </label>
        <label>
          {t('rota.from')}
          <input
            type="datetime-local"
            required
            value={form.start}
            onChange={(e) => setForm({ ...form, start: e.target.value })}
          />
        </label>
        <label>
          {t('rota.until')}
          <input
            type="datetime-local"
            required
            value={form.end}
            onChange={(e) => setForm({ ...form, end: e.target.value })}
          />
        </label>
        <label>
          {t('rota.reason')}
          <input value={form.reason} maxLength={500} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        </label>
        {form.userId === NOBODY ? (
          <ConfirmButton
            testId="override-submit"
            disabled={busy}
            question={t('confirm.emptyLine')}
            onConfirm={() => formRef.current?.requestSubmit()}
          >
            {busy ? t('common.sending') : t('rota.addOverride')}
          </ConfirmButton>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="override-submit">
            {busy ? t('common.sending') : t('rota.addOverride')}
          </button>
        )}
      </form>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
