// The live board: filter for the household at hand, suitable places first, hold one in two taps.
// Live (useLiveBoard): each `board:changed` brings the new board, seen here for the filter; fetched
// again after a reconnect, so what it shows is the server's state.
// On screen the suitable free places and every place with a hold tonight come first, grouped by type
// (the group of the best match open, and any group with a hold; the others one tap away, with their
// counts), then the rest (full or unsuitable) behind one button with their count. On paper every place.
import { useMemo, useState } from 'react';
import type { SuitTag } from '../../../../shared/rules/suitability';
import { askHotels, boardQuery, holdPlace, type BoardFilter, type Place } from '../../api/board';
import type { MessageKey } from '../../i18n/nl';
import { useLiveBoard } from '../../api/useLiveBoard';
import { useSocketEvent } from '../../api/useSocket';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { Filters } from './Filters';
import { Link } from '../../components/Link';
import { NeighbourHolds } from './NeighbourHolds';
import { NeighbourOffers } from './NeighbourOffers';
import { PlaceCard } from './PlaceCard';
import { PlaceForm } from './PlaceForm';
import { useCan } from '../../session/useCan';

export function PlacesBoard({
  municipalities,
}: {
  municipalities: { nis: string; name: string; eerstelijnszone: string }[];
}) {
  const { t, formatDateTime } = useI18n();
  const [filter, setFilter] = useState<BoardFilter>({ adults: 1, children: 0, needs: [], municipality: '', types: [] });
  const query = boardQuery(filter);
  // The same household and nearness the server makes of the query, for boards that come with an event.
  const view = useMemo(() => {
    const near = municipalities.find((m) => m.nis === filter.municipality);
    return {
      household: { adults: filter.adults, children: filter.children, needs: filter.needs as SuitTag[] },
      municipality: near ? { nis: near.nis, eerstelijnszone: near.eerstelijnszone } : null,
      types: filter.types,
    };
  }, [filter, municipalities]);
  const board = useLiveBoard(query, view);
  const [notice, setNotice] = useState<string | null>(null);
  const lead = useCan()('places.change');
  useSocketEvent('hold:expired', (p) => setNotice(t('places.holdExpired', { initials: p.initials })));
  const [showRest, setShowRest] = useState(false);
  const places = board.data?.places ?? [];
  const first = places.filter((p) => (p.suitable && p.free > 0) || p.holds.length > 0);
  const rest = places.filter((p) => !first.includes(p));
  const suitableFree = places.filter((p) => p.suitable && p.free > 0).length;
  const card = (p: Place) => (
    <li key={p.id}>
      <PlaceCard place={p} filter={filter} onChanged={board.reload} />
    </li>
  );
  const groups: { type: string; places: Place[] }[] = [];
  for (const p of first) {
    const group = groups.find((g) => g.type === p.type);
    if (group) group.places.push(p);
    else groups.push({ type: p.type, places: [p] });
  }
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const isOpen = (g: (typeof groups)[number], i: number) =>
    opened[g.type] ?? (i === 0 || g.places.some((p) => p.holds.length > 0));

  return (
    <section className="places" aria-labelledby="places-title">
      <div className="places-head">
        <h2 id="places-title">{t('places.title')}</h2>
        {board.data && (
          <span className="muted" data-testid="board-at">
            {t('places.printedAt', { time: formatDateTime(new Date(board.data.at)) })}
          </span>
        )}
        <button type="button" className="btn no-print" onClick={() => window.print()}>
          {t('places.print')}
        </button>
        <Link href="/nachtblad" className="btn no-print" data-testid="night-sheet-link">
          {t('nav.sheet')}
        </Link>
        <button
          type="button"
          className="btn no-print"
          onClick={() =>
            void askHotels().then(
              (r) => setNotice(t('places.hotelsAsked', { n: r.asked })),
              () => setNotice(t('error.network')),
            )
          }
        >
          {t('places.askHotels')}
        </button>
      </div>
      {lead && <PlaceForm municipalities={municipalities} />}
      <Filters value={filter} onChange={setFilter} municipalities={municipalities} />
      {notice && (
        <p className="notice notice-warn" role="status">
          {notice}
        </p>
      )}
      {board.error && <ErrorBox message={apiErrorText(t, board.error)} onRetry={board.reload} />}
      {!board.data && board.loading && <Loading />}
      {board.data && (
        <>
          <h3 className="place-group-title" data-testid="suitable-count">
            {t('places.suitableFree', { n: suitableFree })}
          </h3>
          <NeighbourHolds holds={board.data.heldAtNeighbours} onChanged={board.reload} />
          <NeighbourOffers
            neighbours={board.data.neighbours}
            askInitials
            hold={(placeId, initials) =>
              holdPlace({
                placeId,
                initials,
                household: { adults: filter.adults, children: filter.children, needs: filter.needs },
              })
            }
            onHeld={board.reload}
          />
          {groups.map((g, i) => {
            const open = isOpen(g, i);
            const id = `place-group-${g.type}`;
            return (
              <div key={g.type} className="place-group" data-group={g.type}>
                <button
                  type="button"
                  className="btn place-group-toggle no-print"
                  aria-expanded={open}
                  aria-controls={id}
                  data-testid="place-group-toggle"
                  onClick={() => setOpened({ ...opened, [g.type]: !open })}
                >
                  {t('places.group', {
                    type: t(`type.${g.type}` as MessageKey),
                    places: g.places.length,
                    free: g.places.reduce((n, p) => n + p.free, 0),
                  })}
                </button>
                <ul className={`place-list ${open ? '' : 'place-closed'}`} id={id} data-testid="place-list">
                  {g.places.map(card)}
                </ul>
              </div>
            );
          })}
          {rest.length > 0 && (
            <>
              <button
                type="button"
                className="btn place-rest-toggle no-print"
                aria-expanded={showRest}
                aria-controls="place-rest"
                data-testid="place-rest-toggle"
                onClick={() => setShowRest(!showRest)}
              >
                {t(showRest ? 'places.hideRest' : 'places.showRest', { n: rest.length })}
              </button>
              <ul className={`place-list ${showRest ? '' : 'place-closed'}`} id="place-rest" data-testid="place-rest">
                {rest.map(card)}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
