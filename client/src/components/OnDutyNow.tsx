import type { OnCallNow } from '../api/oncall';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';

/** "Nu van dienst": primary first (large, tap to call), then backup and coordinator; the day number in office hours. */
export function OnDutyNow({ now }: { now: OnCallNow | null }) {
  const t = useT();
  const people = now
    ? (['primary', 'backup', 'coordinator'] as const).flatMap((role) => (now[role] ? [{ role, ...now[role]! }] : []))
    : [];
  // An empty primary line is the one gap that matters most at night: shown, in red, never left out.
  const noPrimary = now !== null && now.outOfHours && !now.primary && people.length > 0;
  return (
    <div className="on-duty" data-testid="on-duty-now">
      <span className="on-duty-label">
        {t('header.onDuty')}
        {now && !now.outOfHours ? ` · ${t('header.officeHours')}` : ''}
      </span>
      <span className="on-duty-names">
        {people.length === 0 && t(now ? 'header.nobody' : 'common.none')}
        {noPrimary && (
          <span className="on-duty-person on-duty-primary on-duty-gap" data-testid="on-duty-gap">
            <span className="on-duty-role">{t('calls.role.primary')}:</span> {t('header.noPrimary')}
          </span>
        )}
        {people.map((p) => (
          <span key={p.role} className={`on-duty-person on-duty-${p.role}`}>
            <span className="on-duty-role">{t(`calls.role.${p.role}` as MessageKey)}:</span>{' '}
            {p.phone ? <a href={`tel:${p.phone}`}>{p.name}</a> : p.name}
          </span>
        ))}
      </span>
    </div>
  );
}
