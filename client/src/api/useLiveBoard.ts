// The live board without a stampede: `board:changed` carries what changed since the reading the console
// holds (a patch: the changed places), or the new board of its role scope, with its version; the console
// sees it for its own filter in memory (the same rule as the server, shared/rules/board-view.ts), so a
// change reaches every console without one request. It fetches only for a first load, another filter,
// after a reconnect (the exact current state), when an event came without a board, or with a patch to a
// reading it does not hold; then with its ETag, so an unchanged board costs a 304. An older version
// never replaces a newer one (events and answers may cross).
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyBoardPatch } from '../../../shared/rules/board-patch';
import { boardView, type BoardViewFilter } from '../../../shared/rules/board-view';
import { fetchBoardIfChanged, type Board, type Place } from './board';
import { ApiError, isAbort } from './client';
import type { Live } from './useLive';
import { useSocket, useSocketEvent } from './useSocket';

export function useLiveBoard(query: string, filter: BoardViewFilter): Live<Board> {
  const [data, setData] = useState<Board | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // Versions count per region: a board of another region (the user switched) is never compared by version.
  const held = useRef<{ query: string; etag: string | null; version: number; region: string; board: Board } | null>(
    null,
  );
  const latestFilter = useRef(filter);
  latestFilter.current = filter;

  const show = useCallback((board: Board, q: string, etag: string | null) => {
    const mine = held.current;
    if (mine && mine.query === q && mine.region === board.region && board.version < mine.version) return;
    held.current = { query: q, etag, version: board.version, region: board.region, board };
    setData(board);
    setError(null);
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    const etag = held.current?.query === query ? held.current.etag : null;
    fetchBoardIfChanged(query, etag, ctrl.signal).then(
      (r) => {
        if (r) show(r.data, query, r.etag);
        setLoading(false);
      },
      (err: unknown) => {
        if (!isAbort(err)) {
          setError(err instanceof ApiError ? err : new ApiError(0, null));
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
  }, [query, tick, show]);

  const { state } = useSocket();
  const was = useRef(state);
  useEffect(() => {
    if (state === 'live' && was.current !== 'live') reload(); // back online: the exact current state
    was.current = state;
  }, [state, reload]);

  useSocketEvent('board:changed', (p) => {
    const mine = held.current;
    const next = p?.board ?? p?.patch;
    if (next && mine && mine.query === query && mine.region === next.region) {
      if (next.version <= mine.version) return;
      if (p?.patch && p.patch.base !== mine.board.reading) return reload(); // a change missed: the whole board
      const { at, night, region, version, reading } = next;
      const rows = p?.patch ? applyBoardPatch(mine.board.places, p.patch) : (p?.board?.places ?? []);
      const places = boardView(rows as Place[], latestFilter.current) as Place[];
      // The neighbours' offers come with a fetch (they change with other regions' boards): kept until then.
      const { heldAtNeighbours } = next; // this desk's holds at the neighbours: whole in a patch too
      show(
        { at, night, region, version, reading, places, heldAtNeighbours, neighbours: mine.board.neighbours },
        query,
        null,
      );
    } else if (!(mine && !next && p?.version !== undefined && p.version <= mine.version)) reload();
  });
  return { data, error, loading, reload };
}
