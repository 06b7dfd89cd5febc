import { useEffect, useState } from 'react';
import { extendHold, holdAction, type Hold } from '../../api/board';
import { useAction } from '../../api/useAction';
import { useServerNow } from '../../api/useSocket';
import { useT } from '../../i18n/useT';

/** Minutes left on the server's clock (the socket's `hello` tells the offset from the browser's clock). */
function useMinutesLeft(expiresAt: string): number {
  const serverNow = useServerNow();
  const compute = () => Math.max(0, Math.ceil((Date.parse(expiresAt) - serverNow().getTime()) / 60_000));
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    setLeft(compute());
    const timer = setInterval(() => setLeft(compute()), 15_000);
    return () => clearInterval(timer);
  });
  return left;
}

export function HoldRow({ hold, onChanged }: { hold: Hold; onChanged: () => void }) {
  const t = useT();
  const left = useMinutesLeft(hold.expiresAt);
  const { busy, error, run: act } = useAction();
  const run = (work: () => Promise<unknown>) => act(work, onChanged);
  const extend = () => {
    const reason = window.prompt(t('places.extendReason'));
    if (reason) void run(() => extendHold(hold.id, 30, reason));
  };
  return (
    <div className={`hold hold-${hold.status}`} data-testid="hold">
      <span>{hold.status === 'held' ? t('places.holdFor', { initials: hold.initials }) : t('places.placedFor', { initials: hold.initials })}</span>
      {hold.status === 'held' && <span className={`countdown ${left <= 10 ? 'danger' : ''}`}>{t('places.expiresIn', { min: left })}</span>}
      <div className="hold-actions no-print">
        {hold.status === 'held' && <>
          <button type="button" className="btn" disabled={busy} onClick={extend}>{t('places.extend')}</button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(() => holdAction(hold.id, 'place'))}>{t('places.arrived')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => void run(() => holdAction(hold.id, 'release'))}>{t('places.release')}</button>
        </>}
        {hold.status === 'placed' && <button type="button" className="btn" disabled={busy} onClick={() => void run(() => holdAction(hold.id, 'end'))}>{t('places.checkout')}</button>}
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
    </div>
  );
}
