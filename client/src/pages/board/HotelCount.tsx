import { useState, type FormEvent } from 'react';
import { callThroughDesk, setHotelCount, type Place } from '../../api/board';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/useT';

export function HotelCount({ place, onChanged }: { place: Place; onChanged: () => void }) {
  const { t, formatTime } = useI18n();
  const [rooms, setRooms] = useState('');
  const [who, setWho] = useState('');
  const { busy, error, run: act } = useAction();
  const run = (work: () => Promise<unknown>) => act(work, onChanged);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => setHotelCount(place.id, Number(rooms), who));
  };
  const c = place.hotelCount;
  return (
    <div className="hotel-count">
      <p className={c?.stale ? 'notice notice-warn' : 'muted'}>
        {c
          ? t('places.count', { rooms: c.rooms, who: c.confirmedBy, time: formatTime(new Date(c.confirmedAt)) })
          : t('places.noCount')}
        {c?.stale ? ` (${t('places.stale')})` : ''}
      </p>
      <form className="count-form no-print" onSubmit={save}>
        <label>
          {t('places.setCount')}
          <input type="number" min={0} max={50} value={rooms} onChange={(e) => setRooms(e.target.value)} required />
        </label>
        <label>
          {t('places.countBy')}
          <input value={who} onChange={(e) => setWho(e.target.value)} required maxLength={100} />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {t('places.save')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run(() => callThroughDesk(place.id))}>
          {t('places.callToConfirm')}
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
