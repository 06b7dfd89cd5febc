// What went wrong at sign-in, kept as data so the message follows a language switch.
import { ApiError } from '../../api/client';
import type { Translate } from '../../i18n/context';
import { apiErrorText } from '../../i18n/apiErrorText';

export type LoginProblem =
  | { kind: 'wrong' }
  | { kind: 'locked'; until: Date | null }
  | { kind: 'invalid'; details: string[] }
  | { kind: 'failed'; error: ApiError };

export function problemFrom(err: unknown): LoginProblem {
  const e = err instanceof ApiError ? err : new ApiError(0, null);
  if (e.status === 401) return { kind: 'wrong' };
  if (e.status === 429) {
    const s = e.body?.retryAfterSeconds;
    return { kind: 'locked', until: typeof s === 'number' ? new Date(Date.now() + s * 1000) : null };
  }
  if (e.status === 400) return { kind: 'invalid', details: (e.body?.issues ?? []).map((i) => i.message) };
  return { kind: 'failed', error: e };
}

export function problemText(p: LoginProblem, t: Translate, formatTime: (d: Date) => string): string {
  switch (p.kind) {
    case 'wrong':
      return t('login.wrong');
    case 'locked':
      return p.until ? t('login.locked', { time: formatTime(p.until) }) : t('login.lockedLater');
    case 'invalid':
      return [t('login.invalid'), ...p.details].join(' ');
    case 'failed':
      return apiErrorText(t, p.error);
  }
}
