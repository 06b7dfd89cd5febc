// One person's case as the desk and the OCMW read it: who referred, the household, the story, the
// competent OCMW with its reason, the placement and guarantee, the handoff's history, earlier contacts.
import type { IntakeDetail } from '../../api/intake';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { ReferrerSms } from './ReferrerSms';
import './case.css';

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** "wo 2 dec 22:35" in the console's language, on the Brussels clock. */
export function useDateTime(): (iso: string) => string {
  const { formatDayTime } = useI18n();
  return (iso) => formatDayTime(new Date(iso));
}

export function CaseView({ c }: { c: IntakeDetail }) {
  const { t, lang } = useI18n();
  const dateTime = useDateTime();
  const reason = (r: { nl: string; en: string }) => (lang === 'en' ? r.en : r.nl);
  return (
    <div className="case" data-testid="case">
      <section className="case-block">
        <h2>
          {c.reference && (
            <span className="case-reference" data-testid="case-reference">
              {c.reference}
            </span>
          )}{' '}
          {c.person.name}
        </h2>
        <p>
          {t(`household.${c.household.type}` as MessageKey)}
          {c.household.children > 0 && ` · ${t('case.children', { n: c.household.children })}`}
          {c.household.childrenAges && ` (${c.household.childrenAges.join(', ')})`}
          {c.person.birthDate && ` · ${t('case.born', { date: c.person.birthDate })}`}
          {c.person.rrn && ` · ${t('intake.rrn')} ${c.person.rrn}`}
        </p>
        <p>
          {t(`ethos.${c.ethos}` as MessageKey)}
          {c.needs.length > 0 && ` · ${c.needs.map((n) => t(`intakeNeed.${n}` as MessageKey)).join(', ')}`}
        </p>
        <p className="muted">
          {t('case.referredBy', { org: c.referrer.organisation, kind: t(`referrer.${c.referrer.kind}` as MessageKey) })}
          {c.referrer.phone && (
            <>
              {' '}
              · <a href={`tel:${c.referrer.phone}`}>{c.referrer.phone}</a>
            </>
          )}
          {c.referrer.badge && ` · ${c.referrer.badge}`}
        </p>
        {c.previousNights && (
          <p>
            {t('intake.previousNights')}: {c.previousNights}
          </p>
        )}
        {c.story && <blockquote className="case-story">{c.story}</blockquote>}
      </section>
      <section className="case-block" data-testid="case-competence">
        <h3>{t('case.competent', { name: c.competence.name })}</h3>
        <p>{reason(c.competence.reason)}</p>
        {(c.competence.override || c.competence.agreement) && (
          <p className="muted">{t('case.lawSays', { reason: reason(c.competence.law.reason) })}</p>
        )}
      </section>
      {c.hold && (
        <section className="case-block" data-testid="case-place">
          <h3>
            {c.hold.place.name} ({c.hold.place.municipality})
          </h3>
          <p data-testid="case-place-contact">
            {c.hold.place.phone && <a href={`tel:${c.hold.place.phone}`}>{c.hold.place.phone}</a>}{' '}
            {c.hold.place.confidentialAddress ? t('places.confidential') : c.hold.place.address}
          </p>
          <p>
            {t(`case.hold.${c.hold.status}` as MessageKey, {
              time: dateTime(c.hold.status === 'placed' ? c.hold.placedAt! : c.hold.expiresAt),
            })}
          </p>
        </section>
      )}
      <ReferrerSms c={c} />
      {c.guarantee && (
        <section className="case-block" data-testid="case-guarantee">
          <h3>{t('case.guarantee')}</h3>
          <p>
            {t('case.guaranteeLine', {
              ocmw: c.guarantee.ocmw.name,
              nights: c.guarantee.nights,
              from: c.guarantee.firstNight,
              cost: euro(c.guarantee.costPerNightCents),
              total: euro(c.guarantee.totalCents),
            })}
          </p>
        </section>
      )}
      {c.handoff && (
        <section className="case-block" data-testid="case-handoff" data-status={c.handoff.status}>
          <h3>{t('case.handoff', { ocmw: c.handoff.ocmw.name })}</h3>
          <p>
            {t(`handoff.status.${c.handoff.status}` as MessageKey)} ·{' '}
            {t('case.due', { time: dateTime(c.handoff.dueAt) })}
            {c.handoff.acknowledgedBy &&
              ` · ${t('case.ackBy', { name: c.handoff.acknowledgedBy, time: dateTime(c.handoff.acknowledgedAt!) })}`}
            {c.handoff.outcome && ` · ${t(`followUp.${c.handoff.outcome}` as MessageKey)}`}
          </p>
          <ol className="case-events">
            {c.handoff.events.map((e, i) => (
              <li key={i}>
                <time>{dateTime(e.at)}</time> {t(`event.${e.kind}` as MessageKey)} · {e.ocmw}
                {e.by && ` · ${e.by}`}
                {typeof e.detail?.reason === 'string' && ` · ${e.detail.reason}`}
                {typeof e.detail?.note === 'string' && ` · ${e.detail.note}`}
              </li>
            ))}
          </ol>
        </section>
      )}
      {c.earlier.length > 0 && (
        <section className="case-block" data-testid="case-earlier">
          <h3>{t('case.earlier', { n: c.earlier.length })}</h3>
          <ul>
            {c.earlier.map((e) => (
              <li key={e.id}>
                {dateTime(e.createdAt)} · {t(`ethos.${e.ethos}` as MessageKey)} · {e.competentName}
                {e.placeName && ` · ${e.placeName}`}
                {e.outcome && ` · ${t(`followUp.${e.outcome}` as MessageKey)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
