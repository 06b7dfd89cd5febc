// The casework of /wonen: register a household (prefilled from a handoff with ?handoff=<id>), the
// waiting list, allocations awaiting their move-in, trajectories and their outflow.
import { useCallback, useEffect, useState } from 'react';
import {
  ORIGIN_CODES,
  SUPPORT_NEEDS,
  URGENCIES,
  END_KINDS,
  GUIDANCE_BY,
  GUIDANCE_FREQUENCY,
} from '../../../../shared/rules/housing/housing';
import { ETHOS, HOUSEHOLD_TYPES } from '../../../../shared/rules/intake/intake-schema';
import {
  endTrajectory,
  fetchPending,
  fetchPrefill,
  fetchTrajectories,
  fetchWaiting,
  moveIn,
  register,
  type Prefill,
} from '../../api/housing';
import { useAction } from '../../api/useAction';
import { useLive } from '../../api/useLive';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';
import { useQueryParam } from '../../routing/router';
import { EVENTS } from './live';

export function Casework({ canRegister }: { canRegister: boolean }) {
  return (
    <>
      {canRegister && <RegisterForm />}
      <Waiting />
      <PendingMoveIns />
      <Trajectories />
    </>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
  prefix,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly string[];
  prefix: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <label className="housing-field">
      {label}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}.${o}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

function RegisterForm() {
  const t = useT();
  const handoff = useQueryParam('handoff');
  const [pre, setPre] = useState<Prefill | null>(null);
  const [f, setF] = useState({
    personName: '',
    municipalityNis: '',
    type: 'alleenstaande_man',
    adults: 1,
    children: 0,
    ethos: 'public_space',
    origin: 'hotel',
    urgency: 'normal',
    needs: [] as string[],
  });
  const act = useAction();
  useEffect(() => {
    if (handoff) void fetchPrefill(handoff).then(setPre, () => setPre(null));
  }, [handoff]);
  const set = (k: keyof typeof f) => (v: string) =>
    setF({ ...f, [k]: k === 'adults' || k === 'children' ? Number(v) : v });
  const submit = () => {
    const common = { origin: f.origin, urgency: f.urgency, supportNeeds: f.needs };
    const body = pre
      ? { handoffId: pre.handoffId, ...common }
      : {
          ...common,
          personName: f.personName,
          municipalityNis: f.municipalityNis,
          ethos: f.ethos,
          household: { type: f.type, adults: f.adults, children: f.children },
        };
    void act.run(
      () => register(body),
      () => setF({ ...f, personName: '' }),
    );
  };
  return (
    <section className="housing-block" data-testid="housing-register">
      <h2>{t('housing.register')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {pre ? (
          <p data-testid="housing-prefilled">
            {t('housing.fromHandoff', { name: pre.personName })} · {t(`household.${pre.household.type}` as MessageKey)}
          </p>
        ) : (
          <>
            <label className="housing-field">
              {t('housing.name')}
              <input
                value={f.personName}
                onChange={(e) => set('personName')(e.target.value)}
                aria-invalid={act.issues.personName ? true : undefined}
              />
            </label>
            <label className="housing-field">
              {t('housing.municipality')} (NIS)
              <input
                inputMode="numeric"
                value={f.municipalityNis}
                onChange={(e) => set('municipalityNis')(e.target.value)}
              />
            </label>
            <Select
              label={t('housing.household')}
              value={f.type}
              onChange={set('type')}
              options={HOUSEHOLD_TYPES}
              prefix="household"
            />
            <label className="housing-field">
              {t('housing.adults')}
              <input type="number" min={1} max={6} value={f.adults} onChange={(e) => set('adults')(e.target.value)} />
            </label>
            <label className="housing-field">
              {t('housing.children')}
              <input
                type="number"
                min={0}
                max={15}
                value={f.children}
                onChange={(e) => set('children')(e.target.value)}
              />
            </label>
            <Select label={t('housing.ethos')} value={f.ethos} onChange={set('ethos')} options={ETHOS} prefix="ethos" />
          </>
        )}
        <Select
          label={t('housing.originLabel')}
          value={f.origin}
          onChange={set('origin')}
          options={ORIGIN_CODES}
          prefix="housing.origin"
          testId="housing-origin"
        />
        <Select
          label={t('housing.urgencyLabel')}
          value={f.urgency}
          onChange={set('urgency')}
          options={URGENCIES}
          prefix="housing.urgency"
          testId="housing-urgency"
        />
        <fieldset className="housing-field">
          <legend>{t('housing.support')}</legend>
          {SUPPORT_NEEDS.map((n) => (
            <label key={n} className="check">
              <input
                type="checkbox"
                checked={f.needs.includes(n)}
                onChange={(e) =>
                  setF({ ...f, needs: e.target.checked ? [...f.needs, n] : f.needs.filter((x) => x !== n) })
                }
              />
              {t(`housing.needs.${n}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" data-testid="housing-save" disabled={act.busy}>
          {t('housing.save')}
        </button>
        {act.error && (
          <p className="form-error" role="alert">
            {act.error}
          </p>
        )}
      </form>
    </section>
  );
}

function Waiting() {
  const t = useT();
  const live = useLive(fetchWaiting, EVENTS);
  if (!live.data) return null;
  return (
    <section className="housing-block">
      <h2>{t('housing.waiting')}</h2>
      {live.data.length === 0 && <p className="muted">{t('housing.waitingNone')}</p>}
      <ul className="housing-list" data-testid="housing-waiting">
        {live.data.map((r) => (
          <li key={r.id} data-testid="housing-waiting-item">
            <strong>{r.personName}</strong> · {t(`household.${r.household.type}` as MessageKey)} ·{' '}
            {t(`housing.urgency.${r.urgency}` as MessageKey)} · {r.registeredAt.slice(0, 10)}
          </li>
        ))}
      </ul>
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function PendingMoveIns() {
  const t = useT();
  const live = useLive(fetchPending, EVENTS);
  const act = useAction();
  const [date, setDate] = useState(today());
  const [by, setBy] = useState('caw');
  const [frequency, setFrequency] = useState('weekly');
  if (!live.data || live.data.length === 0) return null;
  return (
    <section className="housing-block" data-testid="housing-pending">
      <h2>{t('housing.pending')}</h2>
      <div className="action-row">
        <label className="housing-field">
          {t('housing.moveIn')}
          <input
            type="date"
            data-testid="housing-movein-date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={act.issues.moveIn ? true : undefined}
          />
        </label>
        <Select label={t('housing.guidanceBy')} value={by} onChange={setBy} options={GUIDANCE_BY} prefix="housing.by" />
        <Select
          label={t('housing.frequency')}
          value={frequency}
          onChange={setFrequency}
          options={GUIDANCE_FREQUENCY}
          prefix="housing.freq"
        />
      </div>
      <ul className="housing-list">
        {live.data.map((a) => (
          <li key={a.id} className="housing-row">
            <span>
              <strong>{a.personName}</strong> → {a.homeName} · {t('housing.rank', { n: a.rank })}
              {a.reason && <span className="muted"> · {a.reason}</span>}
            </span>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="housing-movein"
              disabled={act.busy}
              onClick={() => void act.run(() => moveIn(a.id, { moveIn: date, guidance: { by, frequency } }))}
            >
              {t('housing.moveIn')}
            </button>
          </li>
        ))}
      </ul>
      {act.error && (
        <p className="form-error" role="alert">
          {act.error}
        </p>
      )}
    </section>
  );
}

function Trajectories() {
  const t = useT();
  const live = useLive(fetchTrajectories, EVENTS);
  if (!live.data || live.data.length === 0) return null;
  return (
    <section className="housing-block" data-testid="housing-trajectories">
      <h2>{t('housing.trajectories')}</h2>
      <ul className="housing-list">
        {live.data.map((tr) => (
          <li key={tr.id} data-testid="housing-trajectory" data-ended={tr.endDate ? 'yes' : 'no'}>
            <strong>{tr.personName}</strong> · {tr.homeName} · {t('housing.moveIn')} {tr.moveIn} ·{' '}
            {t('housing.stay', { n: tr.stayMonths })}
            {tr.endDate ? (
              <>
                {' '}
                · {t('housing.end')} {tr.endDate}: {t(`housing.endKind.${tr.endKind}` as MessageKey)} ({tr.destination})
              </>
            ) : (
              <EndForm id={tr.id} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EndForm({ id }: { id: string }) {
  const t = useT();
  const act = useAction();
  const [endDate, setEndDate] = useState(today());
  const [kind, setKind] = useState('private_rental');
  const [destination, setDestination] = useState('unknown');
  const submit = useCallback(
    () => void act.run(() => endTrajectory(id, { endDate, kind, destination })),
    [act, id, endDate, kind, destination],
  );
  return (
    <form
      className="action-row"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="housing-field">
        {t('housing.endDate')}
        <input
          type="date"
          data-testid="housing-end-date"
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
          aria-invalid={act.issues.endDate ? true : undefined}
        />
      </label>
      <Select
        label={t('housing.endKindLabel')}
        value={kind}
        onChange={setKind}
        options={END_KINDS}
        prefix="housing.endKind"
        testId="housing-end-kind"
      />
      <label className="housing-field">
        {t('housing.destination')}
        <input
          data-testid="housing-end-destination"
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
        />
      </label>
      <button type="submit" className="btn" data-testid="housing-end" disabled={act.busy}>
        {t('housing.end')}
      </button>
      {act.error && (
        <p className="form-error" role="alert">
          {act.error}
        </p>
      )}
    </form>
  );
}
