// What cannot be undone asks first, in place: the first tap turns the button into "Zeker?" with a
// yes and a no, so a tired thumb next to "Aangekomen" does not release a place by accident. The
// question goes away by itself after 10 seconds (nothing happens then).
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

interface Props {
  children: ReactNode;
  onConfirm: () => void;
  disabled?: boolean;
  /** The question, e.g. "Plaats vrijgeven?"; defaults to "Zeker?". */
  question?: string;
  testId?: string;
}

export function ConfirmButton({ children, onConfirm, disabled, question, testId }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const timer = setTimeout(() => setAsking(false), 10_000);
    return () => clearTimeout(timer);
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="btn" disabled={disabled} data-testid={testId} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question ?? t('confirm.sure')}>
      <span className="confirm-question" role="status">
        {question ?? t('confirm.sure')}
      </span>
      <button
        type="button"
        className="btn btn-danger"
        disabled={disabled}
        data-testid={testId && `${testId}-yes`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('confirm.yes')}
      </button>
      <button type="button" className="btn" autoFocus onClick={() => setAsking(false)}>
        {t('confirm.no')}
      </button>
    </span>
  );
}
