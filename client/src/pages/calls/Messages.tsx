// SMS in and out: what came in on the line, and every message the desk sent with its delivery state
// (in the demo they stay in the outbox as "sandbox").
import { fetchInbox, fetchOutbox } from '../../api/calls';
import { useLive } from '../../api/useLive';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';

const OUT_EVENTS = ['outbox:changed', 'alarm:changed', 'sms:received'] as const;
const IN_EVENTS = ['sms:received'] as const;

export function Messages() {
  const { t, formatTime } = useI18n();
  const outbox = useLive(fetchOutbox, OUT_EVENTS);
  const inbox = useLive(fetchInbox, IN_EVENTS);
  const held = inbox.data?.messages.filter((m) => m.handledAs === 'held').length ?? 0;
  return (
    <div className="messages">
      <h2>{t('sms.inbox')}</h2>
      {held > 0 && (
        <p className="msg-held-note" role="status">
          {t('sms.heldNote', { n: held })}
        </p>
      )}
      {inbox.data?.messages.length === 0 && <p className="muted">{t('sms.none')}</p>}
      <ul className="msg-list">
        {inbox.data?.messages.slice(0, 20).map((m) => (
          <li key={m.id}>
            <span className="muted">{formatTime(new Date(m.receivedAt))}</span>{' '}
            <a href={`tel:${m.from}`}>{m.fromName ?? m.from}</a>: {m.body}
            {m.handledAs === 'held' && <span className="msg-status msg-held"> {t('sms.held')}</span>}
            {m.handledAs.startsWith('status') && (
              <span className="msg-status">
                {' '}
                {t(m.handledAs === 'status' ? 'sms.statusAnswered' : 'sms.statusLimited')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('sms.outbox')}</h2>
      {outbox.data?.messages.length === 0 && <p className="muted">{t('sms.none')}</p>}
      <ul className="msg-list" data-testid="outbox">
        {outbox.data?.messages.slice(0, 30).map((m) => (
          <li key={m.id} data-status={m.status}>
            <span className={`msg-status msg-${m.status}`}>{t(`sms.status.${m.status}` as MessageKey)}</span>{' '}
            <span className="muted">
              {formatTime(new Date(m.createdAt))} → {m.to}
            </span>{' '}
            {m.body}
            {m.lastError && <span className="muted"> ({m.lastError})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
