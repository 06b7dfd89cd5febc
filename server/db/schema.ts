// Table types for Kysely. One interface per table; Generated<> marks columns the database fills.
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** @public */
export type Role = 'duty_worker' | 'coordinator' | 'ocmw_staff' | 'admin' | 'allocator';

export interface RegionTable {
  code: string;
  name: string;
  timezone: string;
  /** Region-level settings (office-hours window, day number, ...). */
  settings: Json<Record<string, unknown>>;
  /** Load order (migration 019): the first region takes calls to unknown numbers. */
  position: Generated<number>;
}

export interface MunicipalityTable {
  nis: string;
  /** Null for a municipality outside every region the desk serves (migration 011). */
  region_code: string | null;
  name: string;
  population: number;
  postcodes: string;
  eerstelijnszone: string;
  police_zone: string;
  /** Statbel's names and hierarchy (migration 011); null only before the national list is loaded. */
  name_nl: string | null;
  name_fr: string | null;
  name_de: string | null;
  arrondissement_nis: string | null;
  province_nis: string | null;
  belgian_region: 'flanders' | 'wallonia' | 'brussels' | null;
}

export interface OcmwTable {
  id: Generated<number>;
  municipality_nis: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** Weekly office hours and closure days (shared/rules Calendar). */
  calendar: Json<unknown>;
  /** Mobile of the OCMW's contact person: morning digest and escalation SMS. */
  contact_mobile: string | null;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** SHA-256 of the token in the worker's private iCal URL. */
  ical_token_hash: string | null;
}

/** The regions a user works in (migration 019); an admin may span several, OCMW staff need none. */
export interface UserRegionTable {
  user_id: string;
  region_code: string;
}

export interface UserMunicipalityTable {
  user_id: string;
  municipality_nis: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** The region this session looks at (migration 019); null: the user's first region. */
  region_code: Generated<string | null>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
  /** Set on (username, address) rows only (migration 014). */
  username: string | null;
  address: string | null;
  last_failure_at: Timestamp | null;
}

/** @public */
export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  action: 'read' | 'create' | 'update' | 'delete' | 'login' | 'logout' | 'login_failed';
  subject_type: string;
  subject_id: string | null;
  detail: Json<Record<string, unknown>> | null;
}

/** @public */
export type PlaceType = 'caw_noodkamer' | 'hotel' | 'crisisbed' | 'ocmw_noodwoning' | 'doorgangswoning' | 'vluchthuis';

export interface PlaceTable {
  id: Generated<string>;
  region_code: string;
  municipality_nis: string;
  name: string;
  provider: string;
  type: PlaceType;
  /** Who it suits: men, women, families, children, pets, wheelchair. */
  suits: Json<string[]>;
  room_type: string;
  capacity: number;
  cost_per_night_cents: number;
  phone: string | null;
  address: string | null;
  confidential_address: boolean;
  active: Generated<boolean>;
  /** Where a referrer brings the person when the address is confidential (migration 016). */
  meeting_point: Generated<string | null>;
}

/** @public */
export type Slot = 'primary' | 'backup' | 'coordinator';

export interface RotaRotationTable {
  id: Generated<string>;
  /** The region whose rota this is (migration 019). */
  region_code: string;
  name: string;
  slot: Slot;
  /** Earlier position wins when two rotations cover the same slot at once. */
  position: Generated<number>;
  members: Json<string[]>;
  start_date: string;
  handover_time: string;
  every_unit: 'day' | 'week';
  every_count: number;
  end_date: string | null;
  created_at: Timestamp;
}

export interface RotaOverrideTable {
  id: Generated<string>;
  /** The region whose rota this is (migration 019). */
  region_code: string;
  slot: Slot;
  /** null: the slot is left empty for the span. */
  user_id: string | null;
  replaces_user_id: string | null;
  start_at: Timestamp;
  end_at: Timestamp;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RotaSwapTable {
  id: Generated<string>;
  /** The region whose rota this is (migration 019). */
  region_code: string;
  slot: Slot;
  from_user_id: string;
  to_user_id: string;
  start_at: Timestamp;
  end_at: Timestamp;
  status: 'requested' | 'accepted' | 'rejected' | 'cancelled';
  note: string | null;
  requested_by: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

export type DirectoryKind = 'police' | 'hospital' | 'service' | 'other';
export interface DirectoryTable {
  id: Generated<string>;
  number: string;
  name: string;
  kind: DirectoryKind;
  /** The language the organisation is texted in (migration 016). */
  language: Generated<'nl' | 'fr'>;
  /** The region whose desk keeps this entry (migration 023); the number is unique across regions. */
  region_code: string;
}

/** @public */
export type CallOutcome = 'ringing' | 'answered' | 'voicemail' | 'missed';
/** @public */
export type LegStatus = 'ringing' | 'screening' | 'accepted' | 'no-key' | 'busy' | 'no-answer' | 'failed' | 'canceled';
/**
 * One step of a call's chain: who is rung, in which capacity.
 * @public
 */
export interface ChainStep {
  role: 'primary' | 'backup' | 'coordinator' | 'day';
  userId: string | null;
  name: string;
  number: string;
}

/** @public */
export interface CallTable {
  id: Generated<string>;
  /** The region whose permanence number was called (migration 019). */
  region_code: string | null;
  call_sid: string;
  from_number: string | null;
  to_number: string | null;
  caller_name: string | null;
  out_of_hours: boolean;
  chain: Json<ChainStep[]>;
  step: Generated<number>;
  outcome: CallOutcome;
  status: string;
  last_sequence: Generated<number>;
  answered_by: string | null;
  answered_number: string | null;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  duration_sec: number | null;
  recording_url: string | null;
  recording_sec: number | null;
  previous_call_id: string | null;
  /** The open case this call is a call-back about (migration 016). */
  callback_intake_id: Generated<string | null>;
  /** The desk's night of started_at (local date, noon to noon), kept by PostgreSQL (migration 021). */
  night: ColumnType<Date | string, never, never>;
  /** The hour of started_at on the Brussels wall clock, kept by PostgreSQL (migration 021). */
  local_hour: ColumnType<number, never, never>;
}

export interface CallLegTable {
  id: Generated<string>;
  call_id: string;
  step: number;
  role: string;
  user_id: string | null;
  number: string;
  status: LegStatus;
  dial_call_sid: string | null;
  started_at: Timestamp;
  picked_up_at: Timestamp | null;
  ended_at: Timestamp | null;
}

export interface AlarmTable {
  id: Generated<string>;
  call_id: string;
  raised_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  called_back_at: Timestamp | null;
  called_back_by: string | null;
  callback_note: string | null;
}

export type OutboxStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'sandbox'
  | 'cancelled';
/** @public */
export interface OutboxTable {
  id: Generated<string>;
  to_number: string;
  body: string;
  kind: string;
  dedupe_key: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  message_sid: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  updated_at: Timestamp;
  /** The intake a referrer's SMS is about (migration 016). */
  intake_id: Generated<string | null>;
  /** The region whose desk the text belongs to; null: deployment-wide, listed in every region (migration 025). */
  region_code: Generated<string | null>;
}

/** What each shift's calendar event last said (migration 017): its SEQUENCE rises when its times change. */
export interface IcalEventTable {
  uid: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  sequence: Generated<number>;
  changed_at: Timestamp;
}

/** A checksum of each data set loaded at start-up (migration 017), so an unchanged one is not reloaded. */
export interface DataVersionTable {
  name: string;
  checksum: string;
  loaded_at: Timestamp;
}

export interface SmsInboundTable {
  id: Generated<string>;
  message_sid: string;
  from_number: string;
  body: string;
  from_user_id: string | null;
  handled_as: string;
  received_at: Timestamp;
  /** The region of the number texted; null: none (migration 025). */
  region_code: Generated<string | null>;
}

/** @public */
export type HoldStatus = 'held' | 'placed' | 'released' | 'expired' | 'ended';
/** @public */
export interface HoldTable {
  id: Generated<string>;
  place_id: string;
  unit_no: number;
  night: string;
  initials: string;
  household: Json<{ adults: number; children: number; needs: string[] }>;
  status: HoldStatus;
  expires_at: Timestamp;
  override_reason: string | null;
  extensions: ColumnType<{ at: string; by: string; minutes: number; reason: string }[], string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  placed_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The region whose desk made the hold (migration 027); null: the place's own region. */
  region_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HotelCountTable {
  place_id: string;
  night: string;
  rooms: number;
  confirmed_by: string;
  method: 'phone' | 'sms' | 'console';
  confirmed_at: Timestamp;
  recorded_by: string | null;
}

/** @public */
export type IntakeStatus = 'open' | 'held' | 'placed' | 'closed';
/** @public */
export interface IntakeTable {
  id: Generated<string>;
  call_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  referrer_kind: 'police' | 'hospital' | 'social_service' | 'self' | 'other';
  referrer: Json<Record<string, string>>;
  person_name: string;
  birth_date: string | null;
  birth_year: number | null;
  sex: 'f' | 'm' | 'x' | null;
  person_key: string | null;
  household_type: string;
  adults: number;
  children: number;
  children_ages: Json<number[]> | null;
  ethos: string;
  previous_nights: string | null;
  needs: Json<string[]>;
  story: string | null;
  request_nis: string;
  facts: Json<Record<string, unknown>>;
  competence: Json<Record<string, unknown>>;
  competent_nis: string;
  competence_rule: string;
  override: Json<{ nis: string; reason: string; by: string; at: string }> | null;
  hold_id: string | null;
  status: IntakeStatus;
  pseudonymised_at: Timestamp | null;
  /** National register number (11 digits), only with STORE_RRN. */
  rrn: string | null;
  /** `K-2412-07` (migration 016); unique with `reference_night`, which keeps the year. */
  reference: string | null;
  reference_night: string | null;
  /** The region whose desk recorded the intake (migration 022): the figures of that region count it. */
  region_code: string;
}

export interface IntakeReferenceCounterTable {
  letter: string;
  night: string;
  last_no: number;
}

/** @public */
export interface GuaranteeTable {
  id: Generated<string>;
  intake_id: string;
  hold_id: string;
  place_id: string;
  ocmw_nis: string;
  first_night: string;
  nights: number;
  cost_per_night_cents: number;
  total_cents: number;
  created_by: string;
  created_at: Timestamp;
}

/** @public */
export type HandoffStatus = 'open' | 'acknowledged' | 'closed';
/** @public */
export interface HandoffTable {
  id: Generated<string>;
  intake_id: string;
  ocmw_nis: string;
  due_at: Timestamp;
  received_at: Timestamp;
  status: HandoffStatus;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  outcome: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  escalated_at: Timestamp | null;
  digested_at: Timestamp | null;
  created_at: Timestamp;
  /** How a handoff to an OCMW the desk does not serve was handed over (migration 011). */
  handover: Json<Handover> | null;
}

/** @public */
export interface Handover {
  method: 'phone' | 'email';
  /** Phone: with whom (name, function); e-mail: the address written to. */
  contact: string;
  at: string;
  by: string;
  note: string | null;
}

/** @public */
export type HandoffEventKind =
  | 'created'
  | 'acknowledged'
  | 'follow_up'
  | 'forwarded'
  | 'closed'
  | 'escalated'
  | 'digest'
  | 'handed_over';
export interface HandoffEventTable {
  id: Generated<string>;
  handoff_id: string;
  at: Timestamp;
  user_id: string | null;
  kind: HandoffEventKind;
  ocmw_nis: string;
  detail: Json<Record<string, unknown>> | null;
}

export interface BoardVersionTable {
  region_code: string;
  /** bigint: pg returns it as a string. */
  version: ColumnType<string, number | string, number | string>;
}

/** @public */
export interface Database {
  board_versions: BoardVersionTable;
  intakes: IntakeTable;
  intake_reference_counters: IntakeReferenceCounterTable;
  guarantees: GuaranteeTable;
  handoffs: HandoffTable;
  handoff_events: HandoffEventTable;
  holds: HoldTable;
  hotel_counts: HotelCountTable;
  outbox: OutboxTable;
  sms_inbound: SmsInboundTable;
  directory: DirectoryTable;
  calls: CallTable;
  call_legs: CallLegTable;
  alarms: AlarmTable;
  rota_rotations: RotaRotationTable;
  rota_overrides: RotaOverrideTable;
  rota_swaps: RotaSwapTable;
  regions: RegionTable;
  municipalities: MunicipalityTable;
  ocmws: OcmwTable;
  users: UserTable;
  user_municipalities: UserMunicipalityTable;
  user_regions: UserRegionTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  places: PlaceTable;
  transit_homes: TransitHomeTable;
  housing_registrations: HousingRegistrationTable;
  housing_allocations: HousingAllocationTable;
  housing_trajectories: HousingTrajectoryTable;
  housing_contingent_requests: HousingContingentTable;
  ical_events: IcalEventTable;
  data_versions: DataVersionTable;
}

export type User = Selectable<UserTable>;
export type NewPlace = Insertable<PlaceTable>;

/**
 * What an owner's commands and queries take: the database, or the transaction a flow runs them in (a Kysely too).
 * @public
 */
export type Executor = Kysely<Database>;
// The wooncel (migration 015). Dates without a time are ISO text (YYYY-MM-DD), as `first_night`.
export interface TransitHomeTable {
  id: Generated<string>;
  name: string;
  municipality_nis: string;
  /** The municipality that brings the home into the pool (usually the same). */
  brought_by_nis: string;
  kind: 'kamerwoning' | '1_bedroom' | '2_bedrooms' | '3_bedrooms';
  suits: Json<string[]>;
  active_from: string;
  active_to: string | null;
  created_at: Timestamp;
}

/** @public */
export type RegistrationStatus = 'waiting' | 'allocated' | 'housed' | 'withdrawn';

export interface HousingRegistrationTable {
  id: Generated<string>;
  /** The OCMW's municipality that follows the household up (scope of OCMW staff). */
  municipality_nis: string;
  person_name: string;
  household_type: string;
  adults: number;
  children: number;
  ethos: string;
  origin: string;
  urgency: 'normal' | 'high' | 'acute';
  support_needs: Json<string[]>;
  registered_by: string;
  registered_by_kind: 'ocmw' | 'caw';
  handoff_id: string | null;
  registered_at: Timestamp;
  status: RegistrationStatus;
  pseudonymised_at: Timestamp | null;
}

export interface HousingAllocationTable {
  id: Generated<string>;
  home_id: string;
  registration_id: string;
  decided_by: string;
  decided_at: Timestamp;
  ranking: Json<unknown>;
  rank: number;
  reason: string | null;
  status: 'allocated' | 'moved_in' | 'cancelled';
}

export interface HousingTrajectoryTable {
  id: Generated<string>;
  allocation_id: string;
  home_id: string;
  registration_id: string;
  move_in: string;
  guidance_by: string;
  guidance_frequency: string;
  end_date: string | null;
  end_kind: string | null;
  destination: string | null;
  created_at: Timestamp;
}

export interface HousingContingentTable {
  id: Generated<string>;
  municipality_nis: string;
  referrer: string;
  household_type: string;
  requested_by: string;
  requested_at: Timestamp;
  status: 'requested' | 'granted' | 'refused' | 'withdrawn';
  decided_by: string | null;
  decided_at: Timestamp | null;
}
