// The live board: filter for the household at hand, suitable places first, hold one in two taps.
// Refetched on every `board:changed` and after a reconnect, so what it shows is the server's state.
import { useCallback, useState } from 'react';
import { askHotels, boardQuery, fetchBoard, type BoardFilter } from '../../api/board';
import { useLive } from '../../api/useLive';
import { useSocketEvent } from '../../api/useSocket';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { apiErrorText } from '../../i18n/apiErrorText';
import { useI18n } from '../../i18n/useT';
import { Filters } from './Filters';
import { PlaceCard } from './PlaceCard';
import { PlaceForm } from './PlaceForm';
import { useSession } from '../../session/useSession';

const EVENTS = ['board:changed'] as const;

export function PlacesBoard({ municipalities }: { municipalities: { nis: string; name: string }[] }) {
  const { t, formatDateTime } = useI18n();
  const [filter, setFilter] = useState<BoardFilter>({ adults: 1, children: 0, needs: [], municipality: '', types: [] });
  const query = boardQuery(filter);
  const load = useCallback((signal: AbortSignal) => fetchBoard(query, signal), [query]);
  const board = useLive(load, EVENTS);
  const [notice, setNotice] = useState<string | null>(null);
  const { state } = useSession();
  const lead = state.status === 'signedIn' && (state.user.role === 'coordinator' || state.user.role === 'admin');
  useSocketEvent<{ initials: string }>('hold:expired', (p) => setNotice(t('places.holdExpired', { initials: p.initials })));

  return (
    <section className="places" aria-labelledby="places-title">
      <div className="places-head">
        <h2 id="places-title">{t('places.title')}</h2>
        {board.data && <span className="muted" data-testid="board-at">{t('places.printedAt', { time: formatDateTime(new Date(board.data.at)) })}</span>}
        <button type="button" className="btn no-print" onClick={() => window.print()}>{t('places.print')}</button>
        <button type="button" className="btn no-print" onClick={() => void askHotels().then((r) => setNotice(t('places.hotelsAsked', { n: r.asked })), () => setNotice(t('error.network')))}>{t('places.askHotels')}</button>
      </div>
      {lead && <PlaceForm municipalities={municipalities} />}
      <Filters value={filter} onChange={setFilter} municipalities={municipalities} />
      {notice && <p className="notice notice-warn" role="status">{notice}</p>}
      {board.error && <ErrorBox message={apiErrorText(t, board.error)} onRetry={board.reload} />}
      {!board.data && board.loading && <Loading />}
      <ul className="place-list" data-testid="place-list">
        {board.data?.places.map((p) => <li key={p.id}><PlaceCard place={p} filter={filter} onChanged={board.reload} /></li>)}
      </ul>
    </section>
  );
}
