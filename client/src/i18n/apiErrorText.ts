import type { ApiError } from '../api/client';
import type { Translate } from './context';

/** A sentence a tired person can act on, for a failed load. */
export function apiErrorText(t: Translate, err: ApiError): string {
  if (err.status === 0) return t('error.network');
  if (err.status === 403) return t('error.forbidden');
  return t('error.server', { status: err.status });
}
