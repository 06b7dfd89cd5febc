import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { extendHold, holdAction, type Hold } from '../../api/board';
import { useAction } from '../../api/useAction';
import { useServerNow } from '../../api/useSocket';
import { useT } from '../../i18n/useT';
import { navigate } from '../../routing/router';

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

export function HoldRow({ hold, placeName, onChanged }: { hold: Hold; placeName: string; onChanged: () => void }) {
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
      <span>
        {hold.status === 'held'
          ? t('places.holdFor', { initials: hold.initials })
          : t('places.placedFor', { initials: hold.initials })}
      </span>
      {hold.status === 'held' && (
        <span className={`countdown ${left <= 10 ? 'danger' : ''}`}>{t('places.expiresIn', { min: left })}</span>
      )}
      <div className="hold-actions no-print">
        {hold.status === 'held' && (
          <>
            <button type="button" className="btn" disabled={busy} onClick={extend}>
              {t('places.extend')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              data-testid="hold-arrived"
              onClick={() =>
                navigate(
                  `/aanmelding?hold=${hold.id}&place=${encodeURIComponent(placeName)}&initials=${encodeURIComponent(hold.initials)}`,
                )
              }
            >
              {t('places.arrived')}
            </button>
            <ConfirmButton
              disabled={busy}
              testId="hold-release"
              question={t('confirm.release')}
              onConfirm={() => void run(() => holdAction(hold.id, 'release'))}
            >
              {t('places.release')}
            </ConfirmButton>
          </>
        )}
        {hold.status === 'placed' && (
          <ConfirmButton
            disabled={busy}
            testId="hold-end"
            question={t('confirm.end')}
            onConfirm={() => void run(() => holdAction(hold.id, 'end'))}
          >
            {t('places.checkout')}
          </ConfirmButton>
        )}
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
