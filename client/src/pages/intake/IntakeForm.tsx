// The intake at 3 a.m.: the first block is all that is mandatory (under a minute); the rest can be
// filled in now or later. The competent OCMW is shown live, with its reason, as the facts are typed.
import { useEffect, useState, type FormEvent } from 'react';
import { competenceFactsSchema, decideCompetence } from '../../../../shared/rules/competence';
import { ETHOS, HOUSEHOLD_TYPES, NEEDS, REFERRER_KINDS } from '../../../../shared/rules/intake/intake-schema';
import { fetchCalls } from '../../api/calls';
import { adoptHold, createIntake, placeIntake } from '../../api/intake';
import { useAction } from '../../api/useAction';
import type { MessageKey } from '../../i18n/nl';
import { useI18n } from '../../i18n/useT';
import { navigate } from '../../routing/router';
import {
  bodyOf,
  clearDraft,
  EMPTY_DRAFT,
  factsOf,
  loadDraft,
  saveDraft,
  SITUATIONS,
  withHouseholdType,
  type Draft,
} from './intakeDraft';

type Muni = { nis: string; name: string };
/** Fields that show their own problem; any other the server names is listed under the form. */
const MARKED = new Set([
  'referrer.organisation',
  'referrer.phone',
  'person.name',
  'household.children',
  'household.childrenAges',
  'person.birthDate',
  'person.rrn',
]);
const KIDS = new Set(['moeder_met_kinderen', 'vader_met_kinderen', 'gezin_met_kinderen']);

/** A place held from the board for someone who has arrived: saving the intake places them there. */
export interface HeldFromBoard {
  id: string | null;
  place: string | null;
  initials: string | null;
}

export function IntakeForm({
  municipalities,
  callId,
  held,
  storeRrn,
}: {
  municipalities: Muni[];
  callId: string | null;
  held: HeldFromBoard | null;
  storeRrn: boolean;
}) {
  const { t, lang } = useI18n();
  const [d, setD] = useState<Draft>(() => loadDraft() ?? { ...EMPTY_DRAFT, callId: callId ?? '' });
  const [more, setMore] = useState(false);
  const { busy, error, issues, run } = useAction();
  // The server names fields by their place in the request; the form marks the field itself, in plain words.
  const problem = (...paths: string[]) => paths.map((p) => issues[p]).find(Boolean);
  const mark = (...paths: string[]) => {
    const message = problem(...paths);
    return message ? { 'aria-invalid': true as const, 'aria-describedby': `err-${paths[0]!.replace(/\W/g, '-')}` } : {};
  };
  const note = (...paths: string[]) => {
    const message = problem(...paths);
    return message ? (
      <span className="field-error" id={`err-${paths[0]!.replace(/\W/g, '-')}`} data-testid="field-error">
        {message}
      </span>
    ) : null;
  };
  const set = (patch: Partial<Draft>) =>
    setD((cur) => {
      const next = { ...cur, ...patch };
      saveDraft(next);
      return next;
    });

  useEffect(() => {
    // opened from an answered call: the caller is the referrer
    if (!callId || (d.callId === callId && d.organisation)) return;
    const ctrl = new AbortController();
    fetchCalls(ctrl.signal).then(
      ({ calls }) => {
        const call = calls.find((c) => c.id === callId);
        if (call) set({ callId, organisation: call.callerName ?? '', referrerPhone: call.from ?? '' });
      },
      () => undefined,
    );
    return () => ctrl.abort();
  }, [callId]); // eslint-disable-line react-hooks/exhaustive-deps

  const name = (nis: string) => municipalities.find((m) => m.nis === nis)?.name ?? nis;
  const facts = competenceFactsSchema.safeParse(factsOf(d));
  const preview = facts.success ? decideCompetence(facts.data, { name }) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => createIntake(bodyOf(d)),
      (created) => {
        clearDraft();
        if (!held?.id) {
          navigate(`/aanmelding?id=${created.id}`);
          return;
        }
        // Arrived from the board: the intake takes that hold and places the person (guarantee and handoff).
        // Whatever fails here, the intake is saved and its page shows what is left to do.
        void adoptHold(created.id, held.id)
          .then(() => placeIntake(created.id))
          .catch(() => undefined)
          .finally(() => navigate(`/aanmelding?id=${created.id}`));
      },
    );
  };
  const muniSelect = (
    label: MessageKey,
    value: string,
    onChange: (v: string) => void,
    required = false,
    testId?: string,
  ) => (
    <label>
      {t(label)}
      <select required={required} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{required ? '' : t('intake.unknown')}</option>
        {municipalities.map((m) => (
          <option key={m.nis} value={m.nis}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
  const needsRegistration = d.situation === 'student' || d.situation === 'asylum';
  const needsInstitution = d.situation === 'institution' || d.situation === 'hospital';

  return (
    <form className="intake-form" onSubmit={submit} data-testid="intake-form">
      {held?.id && (
        <p className="notice notice-warn" role="status" data-testid="intake-held">
          {t('intake.arrivedFromBoard', { place: held.place ?? '?', initials: held.initials ?? '' })}
        </p>
      )}
      <fieldset>
        <legend>{t('intake.referrer')}</legend>
        <label>
          {t('intake.referrerKind')}
          <select value={d.referrerKind} onChange={(e) => set({ referrerKind: e.target.value })}>
            {REFERRER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`referrer.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('intake.organisation')}
          <input
            {...mark('referrer.organisation')}
            required
            value={d.organisation}
            onChange={(e) => set({ organisation: e.target.value })}
          />
          {note('referrer.organisation')}
        </label>
        <label>
          {t('intake.callbackNumber')}
          <input
            {...mark('referrer.phone')}
            inputMode="tel"
            value={d.referrerPhone}
            onChange={(e) => set({ referrerPhone: e.target.value })}
          />
          {note('referrer.phone')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('intake.person')}</legend>
        <label>
          {t('intake.name')}
          <input
            {...mark('person.name')}
            required
            value={d.name}
            autoComplete="off"
            onChange={(e) => set({ name: e.target.value })}
          />
          {note('person.name')}
        </label>
        <label>
          {t('intake.householdType')}
          <select
            data-testid="intake-household"
            value={d.householdType}
            onChange={(e) =>
              setD((cur) => {
                const n = withHouseholdType(cur, e.target.value);
                saveDraft(n);
                return n;
              })
            }
          >
            {HOUSEHOLD_TYPES.map((h) => (
              <option key={h} value={h}>
                {t(`household.${h}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {KIDS.has(d.householdType) && (
          <div className="intake-row">
            {d.householdType === 'gezin_met_kinderen' && (
              <label>
                {t('intake.adults')}
                <input
                  type="number"
                  min={2}
                  max={6}
                  value={d.adults}
                  onChange={(e) => set({ adults: Number(e.target.value) || 2 })}
                />
              </label>
            )}
            <label>
              {t('intake.children')}
              <input
                {...mark('household.children')}
                type="number"
                min={1}
                max={15}
                value={d.children}
                onChange={(e) => set({ children: Number(e.target.value) || 0 })}
              />
              {note('household.children')}
            </label>
            <label>
              {t('intake.childrenAges')}
              <input
                {...mark('household.childrenAges')}
                inputMode="numeric"
                placeholder="4, 7"
                value={d.childrenAges}
                onChange={(e) => set({ childrenAges: e.target.value })}
              />
              {note('household.childrenAges')}
            </label>
          </div>
        )}
        <label>
          {t('intake.ethos')}
          <select required data-testid="intake-ethos" value={d.ethos} onChange={(e) => set({ ethos: e.target.value })}>
            <option value="">{t('intake.choose')}</option>
            {ETHOS.map((x) => (
              <option key={x} value={x}>
                {t(`ethos.${x}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="chips">
          <legend>{t('intake.needs')}</legend>
          {NEEDS.map((n) => (
            <label key={n} className={`chip ${d.needs.includes(n) ? 'chip-on' : ''}`}>
              <input
                type="checkbox"
                checked={d.needs.includes(n)}
                onChange={(e) => set({ needs: e.target.checked ? [...d.needs, n] : d.needs.filter((x) => x !== n) })}
              />
              {t(`intakeNeed.${n}` as MessageKey)}
            </label>
          ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t('intake.competence')}</legend>
        <label>
          {t('intake.situation')}
          <select
            value={d.situation}
            data-testid="intake-situation"
            onChange={(e) => set({ situation: e.target.value })}
          >
            {SITUATIONS.map((s) => (
              <option key={s} value={s}>
                {t(`situation.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {muniSelect(
          'intake.requestNis',
          d.requestNis,
          (v) => set({ requestNis: v, stayNis: d.stayNis || v }),
          true,
          'intake-request-nis',
        )}
        {d.situation !== 'housed' && muniSelect('intake.stayNis', d.stayNis, (v) => set({ stayNis: v }))}
        {d.situation === 'housed' &&
          muniSelect('intake.residenceNis', d.residenceNis, (v) => set({ residenceNis: v }), true)}
        {needsRegistration &&
          muniSelect('intake.registrationNis', d.registrationNis, (v) => set({ registrationNis: v }), true)}
        {d.situation === 'leaving_reception' &&
          muniSelect('intake.newHomeNis', d.newHomeNis, (v) => set({ newHomeNis: v }), true)}
        {needsInstitution &&
          muniSelect('intake.institutionNis', d.institutionNis, (v) => set({ institutionNis: v }), true)}
        {d.situation === 'institution' &&
          muniSelect('intake.registeredNis', d.registeredNis, (v) => set({ registeredNis: v }))}
        <p className="competence-preview" data-testid="competence-preview" aria-live="polite">
          {preview ? (
            <>
              <strong>{t('intake.competentOcmw', { name: name(preview.nis) })}</strong>
              <br />
              {lang === 'en' ? preview.reason.en : preview.reason.nl}
            </>
          ) : (
            t('intake.competenceIncomplete')
          )}
        </p>
      </fieldset>
      <button type="button" className="btn" aria-expanded={more} onClick={() => setMore(!more)}>
        {more ? t('intake.less') : t('intake.more')}
      </button>
      {more && (
        <fieldset>
          <legend>{t('intake.more')}</legend>
          <label>
            {t('intake.birthDate')}
            <input
              {...mark('person.birthDate')}
              type="date"
              value={d.birthDate}
              onChange={(e) => set({ birthDate: e.target.value })}
            />
            {note('person.birthDate')}
          </label>
          <label>
            {t('intake.sex')}
            <select value={d.sex} onChange={(e) => set({ sex: e.target.value })}>
              <option value="">{t('intake.unknown')}</option>
              {['f', 'm', 'x'].map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          {storeRrn && (
            <label>
              {t('intake.rrn')}
              <input
                {...mark('person.rrn')}
                inputMode="numeric"
                autoComplete="off"
                placeholder="YY.MM.DD-SSS.CC"
                value={d.rrn}
                onChange={(e) => set({ rrn: e.target.value })}
              />
              {note('person.rrn')}
            </label>
          )}
          <label>
            {t('intake.referrerPerson')}
            <input value={d.referrerPerson} onChange={(e) => set({ referrerPerson: e.target.value })} />
          </label>
          <label>
            {t('intake.badge')}
            <input value={d.badge} onChange={(e) => set({ badge: e.target.value })} />
          </label>
          <label>
            {t('intake.previousNights')}
            <input value={d.previousNights} onChange={(e) => set({ previousNights: e.target.value })} />
          </label>
          <label>
            {t('intake.story')}
            <textarea rows={5} value={d.story} onChange={(e) => set({ story: e.target.value })} />
          </label>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.sending') : held?.id ? t('intake.saveAndPlace') : t('intake.save')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            clearDraft();
            setD({ ...EMPTY_DRAFT });
          }}
        >
          {t('intake.clear')}
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="intake-error">
          {Object.keys(issues).length ? (
            <>
              {t('form.checkFields')}
              {Object.entries(issues)
                .filter(([path]) => !MARKED.has(path))
                .map(([path, message]) => (
                  <span key={path}>
                    <br />
                    {message}
                  </span>
                ))}
            </>
          ) : (
            error
          )}
        </p>
      )}
    </form>
  );
}
