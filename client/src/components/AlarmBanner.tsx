// Red, on every screen of the desk, for every call nobody took, until someone records the call-back.
import { useState } from 'react';
import { fetchAlarms, recordCallBack } from '../api/calls';
import { useLive } from '../api/useLive';
import { apiErrorText } from '../i18n/apiErrorText';
import { useI18n } from '../i18n/useT';
import { ApiError } from '../api/client';
import { useWakeAlarm } from './useWakeAlarm';

const EVENTS = ['alarm:changed'] as const;

export function AlarmBanner() {
  const { t, formatTime } = useI18n();
  const alarms = useLive(fetchAlarms, EVENTS);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = (alarms.data?.alarms ?? []).map((c) => ({
    id: c.id,
    text: `${c.callerName ?? c.from ?? t('calls.unknown')} · ${formatTime(new Date(c.startedAt))}`,
  }));
  useWakeAlarm(open, t('alarm.title'));
  if (!alarms.data?.alarms.length) return null;
  const done = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await recordCallBack(id);
      alarms.reload();
    } catch (err) {
      setError(apiErrorText(t, err instanceof ApiError ? err : new ApiError(0, null)));
    }
    setBusy(null);
  };
  return (
    <div className="alarm-banner" role="alert" data-testid="alarm-banner">
      {alarms.data.alarms.map((c) => (
        <div key={c.id} className="alarm-item">
          <strong>{t('alarm.title')}</strong>
          <span>
            {t('alarm.text', {
              who: c.callerName ?? c.from ?? t('calls.unknown'),
              time: formatTime(new Date(c.startedAt)),
              voicemail: c.recordingUrl ? t('alarm.voicemail') : '',
            })}
            {c.alarm?.acknowledgedAt ? ` (${t('alarm.ack')})` : ''}
          </span>
          <div className="alarm-actions">
            {c.from && (
              <a className="btn btn-danger" href={`tel:${c.from}`}>
                {t('alarm.callBack')} {c.from}
              </a>
            )}
            <button type="button" className="btn" disabled={busy === c.id} onClick={() => void done(c.id)}>
              {busy === c.id ? t('common.sending') : t('alarm.done')}
            </button>
          </div>
        </div>
      ))}
      {error && <p className="notice notice-error">{error}</p>}
    </div>
  );
}
