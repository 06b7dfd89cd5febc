import type { ApiError } from '../api/client';
import type { Translate } from './context';

/** A sentence a tired person can act on, for a failed load. */
export function apiErrorText(t: Translate, err: ApiError): string {
  if (err.status === 0) return t('error.network');
  if (err.status === 403) return err.body?.error && err.body.error !== 'Your role may not do this.' ? err.body.error : t('error.forbidden');
  // The server's own sentence for what was wrong with the request (it names the field or the conflict).
  if (err.status >= 400 && err.status < 500 && err.body?.error) return err.body.error;
  return t('error.server', { status: err.status });
}
