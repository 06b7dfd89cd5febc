// The form's state, kept in sessionStorage while typing so a dropped connection or a reload loses
// nothing; cleared once saved. sessionStorage, not localStorage: it dies with the tab, and these are
// personal data on a phone that may be shared.
import type { CompetenceFacts } from '../../../../shared/rules/competence';

// No default ETHOS situation: a guessed 'op straat' skewed the figures; the worker chooses.
export const EMPTY_DRAFT = {
  referrerKind: 'police',
  organisation: '',
  referrerPerson: '',
  referrerPhone: '',
  badge: '',
  name: '',
  birthDate: '',
  sex: '',
  rrn: '',
  householdType: 'alleenstaande_man',
  adults: 1,
  children: 0,
  childrenAges: '',
  ethos: '',
  previousNights: '',
  needs: [] as string[],
  story: '',
  situation: 'homeless',
  requestNis: '',
  stayNis: '',
  residenceNis: '',
  registrationNis: '',
  newHomeNis: '',
  institutionNis: '',
  registeredNis: '',
  callId: '',
};
export type Draft = typeof EMPTY_DRAFT;
export const SITUATIONS = [
  'homeless',
  'reference_address',
  'housed',
  'student',
  'asylum',
  'leaving_reception',
  'institution',
  'hospital',
] as const;

const KEY = 'permanentie:intake-draft';
export function loadDraft(): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<Draft>) } : null;
  } catch {
    return null;
  }
}
export function saveDraft(d: Draft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    /* full or disabled: the form still works */
  }
}
export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    /* nothing to clear */
  }
}

/** The household a type implies, keeping children already typed where the type has children. */
export function withHouseholdType(d: Draft, type: string): Draft {
  const kids = ['moeder_met_kinderen', 'vader_met_kinderen', 'gezin_met_kinderen'].includes(type);
  const adults = type === 'zwanger_koppel' || type === 'gezin_met_kinderen' ? 2 : 1;
  return {
    ...d,
    householdType: type,
    adults,
    children: kids ? Math.max(1, d.children) : 0,
    childrenAges: kids ? d.childrenAges : '',
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function factsOf(d: Draft): Record<string, unknown> {
  const base: Record<string, unknown> = { requestNis: d.requestNis, housing: 'homeless', stayNis: opt(d.stayNis) };
  switch (d.situation) {
    case 'reference_address':
      return { ...base, housing: 'reference_address' };
    case 'housed':
      return { requestNis: d.requestNis, housing: 'housed', residenceNis: opt(d.residenceNis) };
    case 'student':
      return { ...base, student: { registrationNis: d.registrationNis } };
    case 'asylum':
      return { ...base, asylum: { registrationNis: d.registrationNis } };
    case 'leaving_reception':
      return { ...base, leavingReception: { newHomeNis: d.newHomeNis, rentGuaranteeByLastDay: true } };
    case 'institution':
      return {
        ...base,
        institution: { kind: 'listed', nis: d.institutionNis, registeredAtAdmissionNis: opt(d.registeredNis) ?? null },
      };
    case 'hospital':
      return { ...base, institution: { kind: 'general_hospital', nis: d.institutionNis, urgentDuringStay: true } };
    default:
      return base;
  }
}

/** The request body, with empty optional fields left out (the server refuses empty strings for them). */
export function bodyOf(d: Draft): Record<string, unknown> {
  const ages = d.childrenAges
    .split(/[,; ]+/)
    .filter(Boolean)
    .map(Number);
  return {
    ...(d.callId ? { callId: d.callId } : {}),
    referrer: {
      kind: d.referrerKind,
      organisation: d.organisation,
      person: opt(d.referrerPerson),
      phone: opt(d.referrerPhone),
      badge: opt(d.badge),
    },
    person: { name: d.name, birthDate: opt(d.birthDate), sex: opt(d.sex), rrn: opt(d.rrn) },
    household: {
      type: d.householdType,
      adults: d.adults,
      children: d.children,
      ...(ages.length ? { childrenAges: ages } : {}),
    },
    ethos: d.ethos,
    previousNights: opt(d.previousNights),
    needs: d.needs,
    story: opt(d.story),
    facts: factsOf(d) as CompetenceFacts,
  };
}
