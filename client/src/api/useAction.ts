// A button's request: busy while it runs, the server's sentence when it fails (what was typed stays).
import { useCallback, useState } from 'react';
import { apiErrorText } from '../i18n/apiErrorText';
import { useT } from '../i18n/useT';
import { ApiError } from './client';

export function useAction() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>, onDone?: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      onDone?.(result);
      return true;
    } catch (err) {
      setError(apiErrorText(t, err instanceof ApiError ? err : new ApiError(0, null)));
      return false;
    } finally {
      setBusy(false);
    }
  }, [t]);
  return { busy, error, run };
}
