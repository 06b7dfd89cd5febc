// One place: what is free, who holds what (with a countdown), and the actions a worker needs at night.
import { useState, type FormEvent } from 'react';
import { holdPlace, type BoardFilter, type Place } from '../../api/board';
import { ApiError } from '../../api/client';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { HoldRow } from './HoldRow';
import { HotelCount } from './HotelCount';

export function PlaceCard({ place, filter, onChanged }: { place: Place; filter: BoardFilter; onChanged: () => void }) {
  const { t } = useI18n();
  const [initials, setInitials] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needs = place.unmet.map((n) => t(`need.${n}` as MessageKey)).join(', ');

  const hold = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await holdPlace({
        placeId: place.id,
        initials,
        household: { adults: filter.adults, children: filter.children, needs: filter.needs },
        ...(place.suitable ? {} : { overrideReason: reason }),
      });
      setInitials('');
      setReason('');
      onChanged();
    } catch (err) {
      setError(apiErrorText(t, err instanceof ApiError ? err : new ApiError(0, null))); // what was typed stays
    }
    setBusy(false);
  };

  return (
    <article
      className={`place ${place.free > 0 ? 'place-free' : 'place-full'} ${place.suitable ? '' : 'place-unsuitable'}`}
      data-testid="place"
      data-place={place.name}
      data-free={place.free}
    >
      <header className="place-head">
        <h3>{place.name}</h3>
        <span className={`place-free-count ${place.free ? 'ok' : 'danger'}`} data-testid="place-free">
          {place.free ? t('places.free', { free: place.free, units: place.units }) : t('places.full')}
        </span>
      </header>
      <p className="place-meta">
        {t(`type.${place.type}` as MessageKey)} · {place.municipality.name} ·{' '}
        {place.suits.map((s) => t(`need.${s}` as MessageKey)).join(', ')}
      </p>
      {!place.suitable && <p className="notice notice-warn">{t('places.unsuitable', { needs })}</p>}
      <p className="place-meta">
        {place.phone && <a href={`tel:${place.phone}`}>{place.phone}</a>}{' '}
        {place.confidentialAddress ? t('places.confidential') : place.address}
      </p>
      {place.type === 'hotel' && <HotelCount place={place} onChanged={onChanged} />}
      {place.holds.map((h) => (
        <HoldRow key={h.id} hold={h} placeName={place.name} onChanged={onChanged} />
      ))}
      {place.free > 0 && (
        <form className="hold-form no-print" onSubmit={(e) => void hold(e)}>
          <label>
            {t('places.initials')}
            <input
              value={initials}
              onChange={(e) => setInitials(e.target.value)}
              required
              maxLength={6}
              autoComplete="off"
              data-testid="hold-initials"
            />
          </label>
          {!place.suitable && (
            <label>
              {t('places.reason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} />
            </label>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="hold-submit">
            {busy ? t('common.sending') : t('places.hold')}
          </button>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
