// Coordinators: teams taking turns in a slot, handing over at a Brussels clock time.
import { ConfirmButton } from '../../components/ConfirmButton';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { createRotation, deleteRotation } from '../../api/rota';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { attempt, useRotaFromNow } from './useRota';

export function Rotations() {
  const { t } = useI18n();
  const { rota } = useRotaFromNow(1);
  const staff = (rota.data?.staff ?? []).filter((s) => s.role !== 'admin');
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const [form, setForm] = useState({
    name: '',
    slot: 'primary' as 'primary' | 'backup' | 'coordinator',
    members: [] as string[],
    startDate: '',
    handoverTime: '08:30',
    unit: 'week' as 'day' | 'week',
    count: 1,
  });
  const [error, setError] = useState<string | null>(null);
  const text = (e: unknown) => apiErrorText(t, e instanceof ApiError ? e : new ApiError(0, null));
  const toggle = (id: string) =>
    setForm({
      ...form,
      members: form.members.includes(id) ? form.members.filter((m) => m !== id) : [...form.members, id],
    });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await attempt(
      () =>
        createRotation({
          name: form.name,
          slot: form.slot,
          members: form.members,
          startDate: form.startDate,
          handoverTime: form.handoverTime,
          every: { unit: form.unit, count: form.count },
        }),
      text,
    );
    setError(err);
    if (!err) setForm({ ...form, name: '', members: [] });
  };
  return (
    <div className="rota-box" data-testid="rotation-form">
      <h2>{t('rota.rotations')}</h2>
      <ul className="rota-list">
        {rota.data?.rotations.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.name}</strong> · {t(`calls.role.${r.slot}` as MessageKey)} ·{' '}
              {r.members.map((m) => names.get(m) ?? '?').join(' → ')} · {t('rota.handover', { time: r.handoverTime })}
            </span>
            <ConfirmButton
              testId="rotation-remove"
              question={t('confirm.removeRotation', { name: r.name ?? '' })}
              onConfirm={() => void attempt(() => deleteRotation(r.id), text).then(setError)}
            >
              {t('rota.remove')}
            </ConfirmButton>
          </li>
        ))}
      </ul>
      <form className="rota-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('rota.name')}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('rota.slot')}
          <select value={form.slot} onChange={(e) => setForm({ ...form, slot: e.target.value as typeof form.slot })}>
            {(['primary', 'backup', 'coordinator'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`calls.role.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="chips">
          <legend>{t('rota.members')}</legend>
          {staff.map((s) => (
            <label key={s.id} className={`chip ${form.members.includes(s.id) ? 'chip-on' : ''}`}>
              <input type="checkbox" checked={form.members.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
              {form.members.includes(s.id) ? ` (${form.members.indexOf(s.id) + 1})` : ''}
            </label>
          ))}
        </fieldset>
        <label>
          {t('rota.startDate')}
          <input
            type="date"
            required
            value={form.startDate}
            onChange={(e) => setForm({ ...form, startDate: e.target.value })}
          />
        </label>
        <label>
          {t('rota.handoverTime')}
          <input
            type="time"
            required
            value={form.handoverTime}
            onChange={(e) => setForm({ ...form, handoverTime: e.target.value })}
          />
        </label>
        <label>
          {t('rota.every')}
          <input
            type="number"
            min={1}
            max={52}
            value={form.count}
            onChange={(e) => setForm({ ...form, count: Number(e.target.value) || 1 })}
          />
          <select value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value as 'day' | 'week' })}>
            <option value="week">{t('rota.weeks')}</option>
            <option value="day">{t('rota.days')}</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary">
          {t('rota.addRotation')}
        </button>
      </form>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
