import type { ApiError } from '../api/client';
import type { Translate } from './context';

/**
 * A sentence a tired person can act on, for a failed request. The server answers errors in the
 * language the console asks for (Accept-Language), naming the field or the conflict; a 503 says the
 * database is restarting and nothing was saved.
 */
export function apiErrorText(t: Translate, err: ApiError): string {
  // No network on this phone at all (the service worker still served the shell): say so, and what to do.
  if (err.status === 0)
    return typeof navigator !== 'undefined' && navigator.onLine === false ? t('error.offline') : t('error.network');
  const own = err.body?.error;
  if (err.status === 403) return own ?? t('error.forbidden');
  if (own && ((err.status >= 400 && err.status < 500) || err.status === 503)) return own;
  return t('error.server', { status: err.status });
}
