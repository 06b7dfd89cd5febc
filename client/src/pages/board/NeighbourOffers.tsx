// Solidarity across regions (issue 15 part 4): when nothing suitable is free here, the board's `neighbours`
// lists each neighbouring region's suitable free places, labelled as that region's: the worker rings the
// place (its phone a large tel: link; no addresses), and holds one only where both regions agreed
// (`holdsAllowed`). The server decides: a hold it refuses (403, the agreement withdrawn since) says why here.
import { useState, type FormEvent } from 'react';
import type { NeighbourOffer } from '../../api/board';
import { useAction } from '../../api/useAction';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import './board.css';

type OfferedPlace = NeighbourOffer['places'][number];

export interface NeighbourHoldProps<T> {
  /** Takes a unit of the place: the board's hold (with the initials typed here) or the intake's (its own). */
  hold: (placeId: string, initials: string) => Promise<T>;
  /** After the hold: the caller shows it (the intake) or reloads (the board). */
  onHeld: (result: T) => void;
  /** The board asks whose hold it is; the intake knows. */
  askInitials: boolean;
}

export function NeighbourOffers<T>({
  neighbours,
  ...holding
}: { neighbours: NeighbourOffer[] } & NeighbourHoldProps<T>) {
  const { t } = useI18n();
  const [held, setHeld] = useState<string | null>(null);
  if (neighbours.length === 0) return null;
  return (
    <section className="neighbours" data-testid="neighbours" aria-labelledby="neighbours-title">
      <h2 id="neighbours-title">{t('neighbours.title')}</h2>
      <p className="muted">{t('neighbours.intro')}</p>
      {held && (
        <p className="notice" role="status" data-testid="neighbour-held">
          {held}
        </p>
      )}
      {neighbours.map((n) => (
        <section
          key={n.region.code}
          className="neighbour-region"
          data-testid="neighbour-region"
          data-region={n.region.code}
          aria-labelledby={`neighbour-${n.region.code}`}
        >
          <h3 id={`neighbour-${n.region.code}`}>
            {t('neighbours.region', { region: n.region.name, places: n.freePlaces, units: n.freeUnits })}
          </h3>
          {!n.holdsAllowed && (
            <p className="notice notice-warn">{t('neighbours.noHolds', { region: n.region.name })}</p>
          )}
          <ul className="place-list">
            {n.places.map((p) => (
              <li key={p.id}>
                <NeighbourPlace
                  place={p}
                  region={n.region.name}
                  holding={n.holdsAllowed ? holding : null}
                  onHeld={setHeld}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function NeighbourPlace<T>({
  place,
  region,
  holding,
  onHeld,
}: {
  place: OfferedPlace;
  region: string;
  holding: NeighbourHoldProps<T> | null;
  onHeld: (message: string) => void;
}) {
  const { t, formatTime } = useI18n();
  const [initials, setInitials] = useState('');
  const act = useAction();
  const hold = (e: FormEvent) => {
    e.preventDefault();
    if (!holding) return;
    void act.run(
      () => holding.hold(place.id, initials),
      (result) => {
        if (holding.askInitials) onHeld(t('neighbours.held', { place: place.name, region, initials }));
        setInitials('');
        holding.onHeld(result);
      },
    );
  };
  return (
    <article
      className="place place-free place-neighbour"
      data-testid="neighbour-place"
      data-place={place.name}
      data-free={place.free}
    >
      <header className="place-head">
        <h4>{place.name}</h4>
        <span className="place-free-count ok" data-testid="neighbour-free">
          {t('neighbours.free', { free: place.free })}
        </span>
      </header>
      <p className="place-meta">
        <span className="neighbour-badge">{region}</span> {t(`type.${place.type}` as MessageKey)} · {place.municipality}
      </p>
      {place.countedAt && (
        <p className={place.stale ? 'notice notice-warn' : 'place-meta'} data-testid="neighbour-count">
          {t('neighbours.counted', { time: formatTime(new Date(place.countedAt)) })}
          {place.stale ? ` (${t('places.stale')})` : ''}
        </p>
      )}
      {place.phone ? (
        <a
          className="btn neighbour-call"
          href={`tel:${place.phone}`}
          data-testid="neighbour-phone"
          aria-label={t('neighbours.call', { phone: place.phone })}
        >
          {place.phone}
        </a>
      ) : (
        <p className="place-meta">{t('neighbours.noPhone')}</p>
      )}
      {holding && (
        <form className="hold-form no-print" onSubmit={hold}>
          {holding.askInitials && (
            <label>
              {t('places.initials')}
              <input
                value={initials}
                onChange={(e) => setInitials(e.target.value)}
                required
                maxLength={6}
                autoComplete="off"
                data-testid="neighbour-initials"
              />
            </label>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={act.busy}
            aria-busy={act.busy}
            data-testid="neighbour-hold"
          >
            {act.busy ? t('common.sending') : t('places.hold')}
          </button>
        </form>
      )}
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </article>
  );
}
