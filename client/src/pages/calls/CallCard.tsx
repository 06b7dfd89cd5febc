import type { Call } from '../../api/calls';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { Link } from '../../components/Link';

export function CallCard({ call }: { call: Call }) {
  const { t, formatTime } = useI18n();
  return (
    <article className={`call-card call-${call.outcome}`} data-testid="call-card" data-outcome={call.outcome}>
      <header className="call-head">
        <span className="call-time">{formatTime(new Date(call.startedAt))}</span>
        <span className="call-who">{call.callerName ?? t('calls.unknown')}</span>
        {call.from && (
          <a className="call-number" href={`tel:${call.from}`}>
            {call.from}
          </a>
        )}
      </header>
      <p className="call-outcome">
        <strong>{t(`calls.outcome.${call.outcome}` as MessageKey)}</strong>
        {call.answeredBy && ` · ${t('calls.takenBy', { name: call.answeredBy.name })}`}
        {!call.outOfHours && ` · ${t('calls.officeHours')}`}
        {call.previousCallId && ` · ${t('calls.earlier')}`}
      </p>
      <ol className="call-legs">
        {call.legs.map((l) => (
          <li key={l.step} className={`leg leg-${l.status}`} data-testid="call-leg" data-status={l.status}>
            <span className="leg-role">{t(`calls.role.${l.role}` as MessageKey)}</span>
            <span className="leg-name">{l.name ?? l.number}</span>
            <span className="leg-status">
              {t(`calls.leg.${l.status}` as MessageKey)}
              {l.ringSec !== null ? ` · ${t('calls.ring', { sec: l.ringSec })}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {call.aboutCase ? (
        <Link className="btn btn-primary" href={`/aanmelding?id=${call.aboutCase.intakeId}`} data-testid="call-case">
          {t('call.aboutCase', { reference: call.aboutCase.reference ?? '' })}
        </Link>
      ) : (
        call.outcome === 'answered' && (
          <Link className="btn" href={`/aanmelding?call=${call.id}`} data-testid="call-intake">
            {t('calls.openIntake')}
          </Link>
        )
      )}
      {call.recordingUrl && (
        <a href={call.recordingUrl} target="_blank" rel="noreferrer">
          {t('calls.recording')}
        </a>
      )}
    </article>
  );
}
