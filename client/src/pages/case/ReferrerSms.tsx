// The texts to the referrer on the case: why none can go (so the worker phones instead), and each
// text with its state; one still waiting shows when it leaves and can be stopped until then.
import { stopReferrerSms, type IntakeDetail } from '../../api/intake';
import { useAction } from '../../api/useAction';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';

export function ReferrerSms({ c }: { c: IntakeDetail }) {
  const { t, lang, formatTime } = useI18n();
  const act = useAction();
  const sms = c.referrerSms;
  if (!sms || (sms.canText && sms.messages.length === 0)) return null;
  return (
    <section className="case-block" data-testid="case-referrer-sms">
      <h3>{t('case.referrerSms')}</h3>
      {sms.why && (
        <p className="notice" data-testid="referrer-sms-why">
          {lang === 'en' ? sms.why.en : sms.why.nl}
        </p>
      )}
      <ul>
        {sms.messages.map((m) => (
          <li key={m.id} data-status={m.status}>
            <q>{m.body}</q> · {t(`case.referrerSms.status.${m.status}` as MessageKey)}
            {m.leavesAt && (
              <>
                {' '}
                · {t('case.referrerSms.leaves', { time: formatTime(new Date(m.leavesAt)) })}{' '}
                <button
                  type="button"
                  className="btn"
                  disabled={act.busy}
                  data-testid="referrer-sms-stop"
                  onClick={() => void act.run(() => stopReferrerSms(m.id))}
                >
                  {t('case.referrerSms.stop')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </section>
  );
}
