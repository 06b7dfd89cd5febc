// The desk's own holds on neighbouring regions' places (issue 15 part 4): a place held across the border from the
// board is this desk's to follow, so it shows here with the neighbour region's name on its card, the place's phone,
// and the same countdown, "Aangekomen", extend and release (or check-out once placed) as a hold on the region's own
// places (HoldRow). The neighbour's board counts it too.
import type { HeldAtNeighbour } from '../../api/board';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { HoldRow } from './HoldRow';
import './board.css';

export function NeighbourHolds({ holds, onChanged }: { holds: HeldAtNeighbour[]; onChanged: () => void }) {
  const { t } = useI18n();
  if (holds.length === 0) return null;
  return (
    <section className="neighbours" data-testid="held-at-neighbours" aria-labelledby="held-at-neighbours-title">
      <h2 id="held-at-neighbours-title">{t('neighbours.heldTitle', { n: holds.length })}</h2>
      <ul className="place-list">
        {holds.map(({ region, place, hold }) => (
          <li key={hold.id}>
            <article
              className="place place-neighbour"
              data-testid="held-at-neighbour"
              data-place={place.name}
              data-region={region.code}
            >
              <header className="place-head">
                <h4>{place.name}</h4>
              </header>
              <p className="place-meta">
                <span className="neighbour-badge" data-testid="held-at-neighbour-region">
                  {t('neighbours.heldRegion', { region: region.name })}
                </span>{' '}
                {t(`type.${place.type}` as MessageKey)} · {place.municipality}
              </p>
              {place.phone && (
                <a
                  className="btn neighbour-call"
                  href={`tel:${place.phone}`}
                  aria-label={t('neighbours.call', { phone: place.phone })}
                >
                  {place.phone}
                </a>
              )}
              <HoldRow hold={hold} placeName={`${place.name} (${region.name})`} onChanged={onChanged} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
