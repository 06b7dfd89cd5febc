// Demo only: phone the line through the fake Twilio network and watch the call above. The server
// refuses it (409) when real Twilio credentials are set; the form then says so.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { simulateCall } from '../../api/calls';
import { apiErrorText } from '../../i18n/apiErrorText';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';

const BEHAVIOURS: [string, MessageKey][] = [
  ['accepts', 'sim.accepts'],
  ['silent', 'sim.silent'],
  ['busy', 'sim.busy'],
  ['no-answer', 'sim.noAnswer'],
];

export function Simulator() {
  const t = useT();
  const [from, setFrom] = useState('014 44 01 01');
  const [steps, setSteps] = useState(['busy', 'accepts', 'accepts']);
  const [voicemail, setVoicemail] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await simulateCall({ from, steps, voicemail });
    } catch (err) {
      setError(apiErrorText(t, err instanceof ApiError ? err : new ApiError(0, null)));
    }
    setBusy(false);
  };
  return (
    <form className="simulator" onSubmit={(e) => void submit(e)} data-testid="simulator">
      <h2>{t('sim.title')}</h2>
      <p className="muted">{t('sim.help')}</p>
      <div className="field">
        <label htmlFor="sim-from">{t('sim.from')}</label>
        <input
          id="sim-from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          inputMode="tel"
          autoComplete="off"
        />
      </div>
      {steps.map((s, i) => (
        <div className="field" key={i}>
          <label htmlFor={`sim-step-${i}`}>{t('sim.step', { n: i + 1 })}</label>
          <select
            id={`sim-step-${i}`}
            value={s}
            onChange={(e) => setSteps(steps.map((x, j) => (j === i ? e.target.value : x)))}
          >
            {BEHAVIOURS.map(([v, label]) => (
              <option key={v} value={v}>
                {t(label)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <label className="check">
        <input type="checkbox" checked={voicemail} onChange={(e) => setVoicemail(e.target.checked)} />{' '}
        {t('sim.voicemail')}
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
        {busy ? t('sim.sending') : t('sim.submit')}
      </button>
    </form>
  );
}
