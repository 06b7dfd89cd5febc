// The desk's steps on an intake: another competent OCMW with a written reason, hold a place that
// suits the household (initials only on the board), and "arrived" to turn the hold into the placement.
import { useCallback, useState } from 'react';
import { boardHousehold } from '../../../../shared/rules/intake/intake-schema';
import { boardQuery, fetchBoard } from '../../api/board';
import { holdForIntake, overrideCompetence, placeIntake, type IntakeDetail } from '../../api/intake';
import { useAction } from '../../api/useAction';
import { useLive } from '../../api/useLive';
import type { MessageKey } from '../../i18n/nl';
import { useT } from '../../i18n/useT';
import { NeighbourOffers } from '../board/NeighbourOffers';

type Muni = { nis: string; name: string };

export function IntakeActions({
  c,
  municipalities,
  onChange,
}: {
  c: IntakeDetail;
  municipalities: Muni[];
  onChange: (c: IntakeDetail) => void;
}) {
  const t = useT();
  const act = useAction();
  const held = c.hold?.status === 'held';
  return (
    <section className="case-block no-print" data-testid="intake-actions">
      {c.status !== 'placed' && c.status !== 'closed' && !held && <PlacePicker c={c} onChange={onChange} />}
      {held && (
        <div className="action-row">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="intake-place"
            disabled={act.busy}
            onClick={() => void act.run(() => placeIntake(c.id), onChange)}
          >
            {t('intake.arrived')}
          </button>
        </div>
      )}
      {c.status !== 'placed' && c.status !== 'closed' && (
        <OverrideForm c={c} municipalities={municipalities} onChange={onChange} />
      )}
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </section>
  );
}

function PlacePicker({ c, onChange }: { c: IntakeDetail; onChange: (c: IntakeDetail) => void }) {
  const t = useT();
  const act = useAction();
  const h = boardHousehold(
    { type: c.household.type as never, adults: c.household.adults, children: c.household.children },
    (c.person.sex ?? undefined) as never,
    c.needs,
  );
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchBoard(
        boardQuery({
          adults: h.adults,
          children: h.children,
          needs: h.needs,
          municipality: c.facts.requestNis,
          types: [],
        }),
        signal,
      ),
    [h.adults, h.children, h.needs.join(','), c.facts.requestNis],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const board = useLive(load, ['board:changed']);
  // Every free place that suits, in the board's order (ordinary before specialised, nearest first);
  // the ones that do not suit are counted, not listed.
  const free = (board.data?.places ?? []).filter((p) => p.free > 0);
  const places = free.filter((p) => p.suitable);
  const rest = free.length - places.length;
  return (
    <div>
      <h3>{t('intake.holdTitle')}</h3>
      {rest > 0 && (
        <p className="muted" data-testid="pick-rest">
          {t('intake.unsuitableCount', { n: rest })}
        </p>
      )}
      <ul className="pick-list">
        {places.map((p) => (
          <li key={p.id} data-testid="pick-place" data-place={p.name}>
            <span>
              {p.name} · {p.municipality.name} · {t(`type.${p.type}` as MessageKey)}
              {!p.suitable && ` · ${t('intake.unsuitable')}`}
            </span>
            <button
              type="button"
              className="btn"
              disabled={act.busy || !p.suitable}
              onClick={() => void act.run(() => holdForIntake(c.id, p.id), onChange)}
            >
              {t('intake.hold')}
            </button>
          </li>
        ))}
      </ul>
      {board.data && places.length === 0 && <p className="notice notice-warn">{t('intake.noPlaces')}</p>}
      {board.data && (
        <NeighbourOffers
          neighbours={board.data.neighbours}
          askInitials={false}
          hold={(placeId) => holdForIntake(c.id, placeId)}
          onHeld={onChange}
        />
      )}
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </div>
  );
}

function OverrideForm({
  c,
  municipalities,
  onChange,
}: {
  c: IntakeDetail;
  municipalities: Muni[];
  onChange: (c: IntakeDetail) => void;
}) {
  const t = useT();
  const act = useAction();
  const [nis, setNis] = useState('');
  const [reason, setReason] = useState('');
  return (
    <details>
      <summary>{t('intake.otherOcmw')}</summary>
      <form
        className="action-row"
        onSubmit={(e) => {
          e.preventDefault();
          void act.run(
            () => overrideCompetence(c.id, { nis, reason }),
            (r) => {
              setReason('');
              onChange(r);
            },
          );
        }}
      >
        <label>
          {t('intake.ocmw')}
          <select required value={nis} onChange={(e) => setNis(e.target.value)}>
            <option value="" />
            {municipalities.map((m) => (
              <option key={m.nis} value={m.nis}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('intake.reason')}
          <input required minLength={10} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={act.busy}>
          {t('intake.saveOverride')}
        </button>
      </form>
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error}
        </p>
      )}
    </details>
  );
}
