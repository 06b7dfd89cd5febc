// Asking for notifications takes a tap (browsers refuse to ask otherwise): after sign-in the header
// offers it, and then a test that beeps, vibrates and notifies, so the worker knows the alarm will wake them.
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { beep, notify } from './useWakeAlarm';

export function AlarmTest() {
  const t = useT();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  const test = () => {
    beep();
    navigator.vibrate?.([400, 200, 400]);
    notify(t('alarm.testTitle'), t('alarm.testBody'), 'test');
  };
  if (supported && permission === 'default') {
    return (
      <button
        type="button"
        className="btn"
        data-testid="alarm-allow"
        onClick={() =>
          void Notification.requestPermission().then((p) => {
            setPermission(p);
            test();
          })
        }
      >
        {t('alarm.allow')}
      </button>
    );
  }
  return (
    <button type="button" className="btn" data-testid="alarm-test" onClick={test}>
      {t('alarm.test')}
    </button>
  );
}
