// At the top of the board for the desk: what is open right now, as the incoming worker needs it at a
// handover (the same summary goes by SMS at the start of a primary shift). Fetched on load and on the
// events of calls, alarms, handoffs and intakes; a board change brings the holds, tonight's placements and
// the stale hotel counts (counted by the server with a patch, here from a whole board), so 500 consoles do
// not all ask the server again for every hold (an event without either still makes it fetch). The summary is
// the current region's (server/handoffs/shift-summary.ts); the board counts the holds on the region's places,
// so the two differ for a hold across regions (this desk's intake on a neighbour's place) until the next fetch.
import { useCallback, useEffect, useRef, useState } from 'react';
import { shiftCountsOf } from '../../../../shared/rules/board-view';
import { fetchShiftSummary } from '../../api/handoffs';
import { useLive } from '../../api/useLive';
import { useSocketEvent } from '../../api/useSocket';
import { Link } from '../../components/Link';
import { useT } from '../../i18n/useT';

const EVENTS = ['handoffs:changed', 'alarm:changed', 'call:updated', 'intakes:changed'] as const;

interface BoardCounts {
  holds: number;
  placed: number;
  staleHotels: number;
  /** When it was counted (Date.now()): a summary fetched after it replaces it. */
  counted: number;
}

export function ShiftSummary() {
  const t = useT();
  const asked = useRef(0);
  const load = useCallback((signal: AbortSignal) => {
    asked.current = Date.now();
    return fetchShiftSummary(signal);
  }, []);
  const { data, reload } = useLive(load, EVENTS);
  const [fromBoard, setFromBoard] = useState<BoardCounts | null>(null);
  useSocketEvent('board:changed', (p) => {
    if (p?.patch) setFromBoard({ ...p.patch.counts, counted: Date.now() });
    else if (p?.board) setFromBoard({ ...shiftCountsOf(p.board), counted: Date.now() });
    else reload();
  });
  useEffect(() => {
    // A summary asked for after the board was counted is newer: it wins.
    setFromBoard((b) => (b && b.counted < asked.current ? null : b));
  }, [data]);
  if (!data) return null;
  const items = [
    { n: fromBoard?.holds ?? data.holds.length, label: t('summary.holds') },
    { n: fromBoard?.placed ?? data.placedTonight.length, label: t('summary.placed') },
    { n: data.missedCalls.length, label: t('summary.missed'), href: '/oproepen', alert: true },
    { n: data.handoffsOpen.length, label: t('summary.handoffs'), href: '/overdrachten' },
    { n: fromBoard?.staleHotels ?? data.staleHotels.length, label: t('summary.staleHotels') },
  ];
  return (
    <section className="shift-summary" data-testid="shift-summary" aria-label={t('summary.title')}>
      <h2>{t('summary.title')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.label} className={i.alert && i.n > 0 ? 'summary-alert' : ''}>
            {i.href ? (
              <Link href={i.href}>
                <strong>{i.n}</strong> {i.label}
              </Link>
            ) : (
              <>
                <strong>{i.n}</strong> {i.label}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
