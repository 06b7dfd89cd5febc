import { useT } from '../i18n/useT';

/** A failure that stays on screen until the person retries. */
export function ErrorBox({ title, message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="error-box" role="alert">
      <strong>{title ?? t('error.title')}</strong>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
