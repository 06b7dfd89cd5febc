// Coordinators add places to the board (the API also changes and switches them off).
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';

const TYPES = ['caw_noodkamer', 'hotel', 'crisisbed', 'ocmw_noodwoning', 'doorgangswoning', 'vluchthuis'] as const;
const SUITS = ['men', 'women', 'families', 'children', 'pets', 'wheelchair'] as const;
const EMPTY = {
  name: '',
  provider: '',
  municipalityNis: '',
  type: 'hotel',
  suits: [] as string[],
  roomType: 'kamer',
  capacity: 1,
  cost: 0,
  phone: '',
  address: '',
  confidential: false,
  meetingPoint: '',
};

export function PlaceForm({ municipalities }: { municipalities: { nis: string; name: string }[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState(EMPTY);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        api('/api/places', {
          method: 'POST',
          body: {
            name: f.name,
            provider: f.provider,
            municipalityNis: f.municipalityNis,
            type: f.type,
            suits: f.suits,
            roomType: f.roomType,
            capacity: f.capacity,
            costPerNightCents: Math.round(f.cost * 100),
            phone: f.phone || null,
            address: f.address || null,
            confidentialAddress: f.confidential,
            meetingPoint: f.meetingPoint || null,
          },
        }),
      () => {
        setF(EMPTY);
        setOpen(false);
      },
    );
  };
  if (!open)
    return (
      <button type="button" className="btn no-print" onClick={() => setOpen(true)}>
        {t('placeForm.open')}
      </button>
    );
  return (
    <form className="rota-form place-form no-print" onSubmit={submit}>
      <label>
        {t('placeForm.name')}
        <input required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
      </label>
      <label>
        {t('placeForm.provider')}
        <input required value={f.provider} onChange={(e) => setF({ ...f, provider: e.target.value })} />
      </label>
      <label>
        {t('placeForm.municipality')}
        <select required value={f.municipalityNis} onChange={(e) => setF({ ...f, municipalityNis: e.target.value })}>
          <option value="" />
          {municipalities.map((m) => (
            <option key={m.nis} value={m.nis}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('places.type')}
        <select value={f.type} onChange={(e) => setF({ ...f, type: e.target.value })}>
          {TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`type.${ty}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="chips">
        <legend>{t('placeForm.suits')}</legend>
        {SUITS.map((s) => (
          <label key={s} className={`chip ${f.suits.includes(s) ? 'chip-on' : ''}`}>
            <input
              type="checkbox"
              checked={f.suits.includes(s)}
              onChange={(e) =>
                setF({ ...f, suits: e.target.checked ? [...f.suits, s] : f.suits.filter((x) => x !== s) })
              }
            />
            {t(`need.${s}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('placeForm.roomType')}
        <input required value={f.roomType} onChange={(e) => setF({ ...f, roomType: e.target.value })} />
      </label>
      <label>
        {t('placeForm.capacity')}
        <input
          type="number"
          min={1}
          max={100}
          value={f.capacity}
          onChange={(e) => setF({ ...f, capacity: Number(e.target.value) || 1 })}
        />
      </label>
      <label>
        {t('placeForm.cost')}
        <input
          type="number"
          min={0}
          step="0.01"
          value={f.cost}
          onChange={(e) => setF({ ...f, cost: Number(e.target.value) || 0 })}
        />
      </label>
      <label>
        {t('placeForm.phone')}
        <input inputMode="tel" value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} />
      </label>
      <label>
        {t('placeForm.address')}
        <input value={f.address} onChange={(e) => setF({ ...f, address: e.target.value })} />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={f.confidential}
          onChange={(e) => setF({ ...f, confidential: e.target.checked })}
        />
        {t('placeForm.confidential')}
      </label>
      {f.confidential && (
        <label>
          {t('placeForm.meetingPoint')}
          <input value={f.meetingPoint} onChange={(e) => setF({ ...f, meetingPoint: e.target.value })} />
        </label>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.sending') : t('places.save')}
      </button>
      <button type="button" className="btn" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
