// A button's request: busy while it runs, the server's sentence when it fails (what was typed stays).
import { useCallback, useState } from 'react';
import { apiErrorText } from '../i18n/apiErrorText';
import { useT } from '../i18n/useT';
import { ApiError } from './client';

export function useAction() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The fields the server named ("body.person.name" -> its message), to mark them where they are. */
  const [issues, setIssues] = useState<Record<string, string>>({});
  const run = useCallback(
    async <T>(work: () => Promise<T>, onDone?: (result: T) => void): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setIssues({});
      try {
        const result = await work();
        onDone?.(result);
        return true;
      } catch (err) {
        const apiErr = err instanceof ApiError ? err : new ApiError(0, null);
        setError(apiErrorText(t, apiErr));
        setIssues(
          Object.fromEntries((apiErr.body?.issues ?? []).map((i) => [i.path.replace(/^body\./, ''), i.message])),
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, issues, run };
}
