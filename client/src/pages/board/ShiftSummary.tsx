// At the top of the board for the desk: what is open right now, as the incoming worker needs it at a
// handover (the same summary goes by SMS at the start of a primary shift).
import { fetchShiftSummary } from '../../api/handoffs';
import { useLive } from '../../api/useLive';
import { Link } from '../../components/Link';
import { useT } from '../../i18n/useT';

const EVENTS = ['board:changed', 'handoffs:changed', 'alarm:changed', 'call:updated', 'intakes:changed'] as const;

export function ShiftSummary() {
  const t = useT();
  const { data } = useLive(fetchShiftSummary, EVENTS);
  if (!data) return null;
  const items = [
    { n: data.holds.length, label: t('summary.holds') },
    { n: data.placedTonight.length, label: t('summary.placed') },
    { n: data.missedCalls.length, label: t('summary.missed'), href: '/oproepen', alert: true },
    { n: data.handoffsOpen.length, label: t('summary.handoffs'), href: '/overdrachten' },
    { n: data.staleHotels.length, label: t('summary.staleHotels') },
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
