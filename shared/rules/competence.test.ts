// One case per row of the competent-OCMW table (DOMAIN.md), first match wins, plus agreements and overrides.
import { describe, expect, it } from 'vitest';
import { competenceFactsSchema, decideCompetence, legalCompetence, type CompetenceFacts } from './competence';

const NAMES: Record<string, string> = {
  '13040': 'Turnhout',
  '13008': 'Geel',
  '13021': 'Mol',
  '13011': 'Herentals',
  '13025': 'Olen',
  '13049': 'Westerlo',
};
const name = (nis: string) => NAMES[nis] ?? nis;
const facts = (f: Partial<CompetenceFacts> & { requestNis?: string }) =>
  competenceFactsSchema.parse({ requestNis: '13040', housing: 'homeless', ...f });

describe('the law, row by row', () => {
  const rows: [string, Partial<CompetenceFacts>, string, string][] = [
    [
      '1 student: registration at the request',
      { student: { registrationNis: '13011' }, stayNis: '13040' },
      'student',
      '13011',
    ],
    [
      '2 asylum seeker: registration (code 207)',
      { asylum: { registrationNis: '13021' }, stayNis: '13040' },
      'asylum',
      '13021',
    ],
    [
      '3 leaving reception, rent guarantee by the last day: the new home',
      { leavingReception: { newHomeNis: '13025', rentGuaranteeByLastDay: true } },
      'leaving_reception',
      '13025',
    ],
    [
      '4 listed institution, registered at admission',
      { institution: { kind: 'listed', nis: '13008', registeredAtAdmissionNis: '13049', urgentDuringStay: false } },
      'institution_registered',
      '13049',
    ],
    [
      '5 listed institution, not registered: the institution in practice',
      { institution: { kind: 'listed', nis: '13008', registeredAtAdmissionNis: null, urgentDuringStay: false } },
      'institution_unregistered',
      '13008',
    ],
    [
      '6 general hospital, urgent during the stay',
      {
        institution: { kind: 'general_hospital', nis: '13021', registeredAtAdmissionNis: null, urgentDuringStay: true },
        stayNis: '13040',
      },
      'hospital',
      '13021',
    ],
    ['7 homeless: where the person actually stays', { stayNis: '13008' }, 'homeless', '13008'],
    [
      '8 reference address does not decide: rule 7',
      { housing: 'reference_address', stayNis: '13011' },
      'reference_address',
      '13011',
    ],
    ['9 housed: habitual residence', { housing: 'housed', residenceNis: '13049' }, 'residence', '13049'],
    [
      'rent guarantee for a move: the OCMW of departure',
      { housing: 'housed', rentGuaranteeMove: { fromNis: '13021', toNis: '13040' } },
      'rent_guarantee_departure',
      '13021',
    ],
  ];
  it.each(rows)('%s', (_label, f, rule, nis) => {
    const d = legalCompetence(facts(f), name);
    expect(d.rule).toBe(rule);
    expect(d.nis).toBe(nis);
    expect(d.reason.nl).toContain(name(nis));
    expect(d.reason.en).toContain(name(nis));
  });

  it('homeless with no known stay: where the request was made', () => {
    const d = legalCompetence(facts({ requestNis: '13021' }), name);
    expect([d.rule, d.nis]).toEqual(['homeless', '13021']);
    expect(d.reason.nl).toMatch(/waar de hulpvraag gesteld werd: Mol/);
  });

  it('first match wins: a student who is also homeless elsewhere stays with the registration', () => {
    expect(
      legalCompetence(facts({ student: { registrationNis: '13011' }, asylum: { registrationNis: '13021' } }), name)
        .rule,
    ).toBe('student');
  });

  it('a general hospital stay without urgent aid falls through to the homeless rule', () => {
    const d = legalCompetence(
      facts({
        institution: {
          kind: 'general_hospital',
          nis: '13021',
          registeredAtAdmissionNis: null,
          urgentDuringStay: false,
        },
        stayNis: '13040',
      }),
      name,
    );
    expect([d.rule, d.nis]).toEqual(['homeless', '13040']);
  });

  it('leaving reception without a rent guarantee by the last day is not rule 3', () => {
    expect(
      legalCompetence(
        facts({ leavingReception: { newHomeNis: '13025', rentGuaranteeByLastDay: false }, stayNis: '13008' }),
        name,
      ).nis,
    ).toBe('13008');
  });

  it('a housed person needs a residence (the field is named)', () => {
    const r = competenceFactsSchema.safeParse({ requestNis: '13040', housing: 'housed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['residenceNis']);
  });
});

describe('agreements and the worker', () => {
  const agreement = {
    id: 'w13',
    label: 'OCMW van de woning',
    rules: ['homeless' as const],
    competent: 'place_municipality' as const,
  };
  it("an agreement hands the case to the place's municipality, and says what the law would have said", () => {
    const d = decideCompetence(facts({ stayNis: '13008' }), { name, agreements: [agreement], placeNis: '13025' });
    expect(d.nis).toBe('13025');
    expect(d.agreement?.id).toBe('w13');
    expect(d.law.nis).toBe('13008');
    expect(d.reason.nl).toMatch(/Regionale afspraak.*Olen.*Geel/);
  });
  it('an agreement for other rules, or before a placement, changes nothing', () => {
    expect(
      decideCompetence(facts({ housing: 'housed', residenceNis: '13049' }), {
        name,
        agreements: [agreement],
        placeNis: '13025',
      }).nis,
    ).toBe('13049');
    expect(decideCompetence(facts({ stayNis: '13008' }), { name, agreements: [agreement] }).nis).toBe('13008');
  });
  it("the worker's override with a reason beats law and agreement", () => {
    const d = decideCompetence(facts({ stayNis: '13008' }), {
      name,
      agreements: [agreement],
      placeNis: '13025',
      override: { nis: '13040', reason: 'vaste verblijfplaats blijkt Turnhout' },
    });
    expect(d.nis).toBe('13040');
    expect(d.override?.reason).toBe('vaste verblijfplaats blijkt Turnhout');
    expect(d.law.nis).toBe('13008');
    expect(d.reason.nl).toContain('vaste verblijfplaats blijkt Turnhout');
  });
});
