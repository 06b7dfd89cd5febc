import { useT } from '../i18n/useT';

export interface OnDutyPerson {
  name: string;
  /** Shown as a tap-to-call link when present. */
  phone?: string;
}

/** "Nu van dienst": who is on duty now. Renders what it is given; "—" when nobody is known yet. */
export function OnDutyNow({ people }: { people: readonly OnDutyPerson[] }) {
  const t = useT();
  return (
    <div className="on-duty">
      <span className="on-duty-label">{t('header.onDuty')}</span>
      <span className="on-duty-names">
        {people.length === 0
          ? t('common.none')
          : people.map((p, i) => (
            <span key={`${p.name}-${i}`} className="on-duty-person">
              {p.phone ? <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.name}</a> : p.name}
            </span>
          ))}
      </span>
    </div>
  );
}
