// Rows of calls, intakes, holds, guarantees and handoffs with only what figures need filled in: used
// by the history generator and by the figure tests. Ids are made here, so rows can refer to each other
// before anything is inserted (and be inserted in big multi-row batches).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type {
  CallOutcome,
  CallTable,
  GuaranteeTable,
  HandoffTable,
  HoldStatus,
  HoldTable,
  IntakeStatus,
  IntakeTable,
} from '../../db/schema';

const iso = (d: Date | string) => new Date(d);
const addSec = (d: Date | string, s: number) => new Date(iso(d).getTime() + s * 1000);

/** @public */
export function callRow(p: {
  startedAt: Date | string;
  outcome: CallOutcome;
  answerSec?: number;
  from?: string | null;
  durationSec?: number;
  outOfHours?: boolean;
  sidPrefix?: string;
  id?: string;
  /** The region whose number was called (default: the Kempen, the fixtures' region). */
  region?: string;
}) {
  const id = p.id ?? randomUUID();
  const answered = p.outcome === 'answered' ? addSec(p.startedAt, p.answerSec ?? 15) : null;
  const ended = p.outcome === 'ringing' ? null : addSec(answered ?? p.startedAt, p.durationSec ?? 120);
  return {
    id,
    call_sid: `${p.sidPrefix ?? 'CA'}${id.replace(/-/g, '')}`,
    region_code: p.region ?? 'kempen',
    from_number: p.from ?? null,
    to_number: '+3214000000',
    caller_name: null,
    out_of_hours: p.outOfHours ?? true,
    chain: '[]',
    outcome: p.outcome,
    status: p.outcome === 'ringing' ? 'ringing' : 'completed',
    started_at: iso(p.startedAt),
    answered_at: answered,
    ended_at: ended,
    duration_sec: ended ? Math.round((ended.getTime() - iso(p.startedAt).getTime()) / 1000) : null,
  } satisfies Insertable<CallTable> & { id: string };
}

/** @public */
export interface IntakeFacts {
  createdAt: Date | string;
  createdBy: string;
  competentNis: string;
  requestNis?: string;
  household: { type: string; adults: number; children: number };
  ethos: string;
  referrerKind: IntakeTable['referrer_kind'];
  callId?: string | null;
  holdId?: string | null;
  status?: IntakeStatus;
  /** Tests put personal data here to prove no figure shows it; history has none (pseudonymised). */
  person?: { name: string; birthDate?: string; story?: string; referrerPhone?: string };
  id?: string;
  /** The region whose desk recorded it (default: the Kempen, the fixtures' region). */
  region?: string;
}

/** @public */
export function intakeRow(p: IntakeFacts) {
  const id = p.id ?? randomUUID();
  const person = p.person;
  return {
    id,
    call_id: p.callId ?? null,
    region_code: p.region ?? 'kempen',
    created_by: p.createdBy,
    created_at: iso(p.createdAt),
    updated_at: iso(p.createdAt),
    referrer_kind: p.referrerKind,
    referrer: JSON.stringify({
      kind: p.referrerKind,
      organisation: 'historiek',
      ...(person?.referrerPhone ? { phone: person.referrerPhone } : {}),
    }),
    person_name: person?.name ?? 'X.',
    birth_date: person?.birthDate ?? null,
    birth_year: null,
    sex: null,
    person_key: null,
    household_type: p.household.type,
    adults: p.household.adults,
    children: p.household.children,
    children_ages: null,
    ethos: p.ethos,
    previous_nights: null,
    needs: '[]',
    story: person?.story ?? null,
    request_nis: p.requestNis ?? p.competentNis,
    facts: '{}',
    competence: '{}',
    competent_nis: p.competentNis,
    competence_rule: 'history',
    override: null,
    hold_id: p.holdId ?? null,
    status: p.status ?? (p.holdId ? 'placed' : 'closed'),
    pseudonymised_at: person ? null : iso(p.createdAt),
  } satisfies Insertable<IntakeTable> & { id: string };
}

/** @public */
export function holdRow(p: {
  placeId: string;
  unitNo?: number;
  night: string;
  createdBy: string;
  createdAt: Date | string;
  status: HoldStatus;
  placedAt?: Date | string | null;
  closedAt?: Date | string | null;
  adults?: number;
  children?: number;
  id?: string;
}) {
  const id = p.id ?? randomUUID();
  return {
    id,
    place_id: p.placeId,
    unit_no: p.unitNo ?? 1,
    night: p.night,
    initials: 'X.',
    household: JSON.stringify({ adults: p.adults ?? 1, children: p.children ?? 0, needs: [] }),
    status: p.status,
    expires_at: addSec(p.createdAt, 3600),
    created_by: p.createdBy,
    created_at: iso(p.createdAt),
    updated_at: iso(p.closedAt ?? p.placedAt ?? p.createdAt),
    placed_at: p.placedAt ? iso(p.placedAt) : null,
    closed_at: p.closedAt ? iso(p.closedAt) : null,
  } satisfies Insertable<HoldTable> & { id: string };
}

/** @public */
export function guaranteeRow(p: {
  intakeId: string;
  holdId: string;
  placeId: string;
  ocmwNis: string;
  firstNight: string;
  nights: number;
  costPerNightCents: number;
  createdBy: string;
  createdAt: Date | string;
}) {
  return {
    id: randomUUID(),
    intake_id: p.intakeId,
    hold_id: p.holdId,
    place_id: p.placeId,
    ocmw_nis: p.ocmwNis,
    first_night: p.firstNight,
    nights: p.nights,
    cost_per_night_cents: p.costPerNightCents,
    total_cents: p.nights * p.costPerNightCents,
    created_by: p.createdBy,
    created_at: iso(p.createdAt),
  } satisfies Insertable<GuaranteeTable>;
}

/** @public */
export function handoffRow(p: {
  intakeId: string;
  ocmwNis: string;
  createdAt: Date | string;
  dueAt: Date | string;
  acknowledgedAt?: Date | string | null;
  closedAt?: Date | string | null;
}) {
  const status = p.closedAt ? 'closed' : p.acknowledgedAt ? 'acknowledged' : 'open';
  return {
    id: randomUUID(),
    intake_id: p.intakeId,
    ocmw_nis: p.ocmwNis,
    due_at: iso(p.dueAt),
    received_at: iso(p.dueAt),
    status,
    acknowledged_at: p.acknowledgedAt ? iso(p.acknowledgedAt) : null,
    closed_at: p.closedAt ? iso(p.closedAt) : null,
    created_at: iso(p.createdAt),
  } satisfies Insertable<HandoffTable>;
}
