/**
 * Which OCMW follows up: the territorial competence of the Wet van 2 april 1965 (art. 1-2), as the
 * table in DOMAIN.md gives it, first match wins. Every decision carries the rule and a reason a
 * worker can read out, because an OCMW that disagrees must forward the case within 5 calendar days
 * and will want to know why it got it. Regional agreements can override the law (W13: the OCMW where
 * the home lies takes over); they are configuration, listed per region, and shown as such.
 */
import { z } from 'zod';
import { municipalityRef } from './nis';
import { say } from './say';

const nis = municipalityRef;

/** @public */
export const competenceFactsSchema = z
  .strictObject({
    /** Where the request for help is made (where police found the person, the hospital's town, ...). */
    requestNis: nis,
    /** Housing the night of the request: homeless (street, car, squat, sofa, hotel), only a reference address, or housed. */
    housing: z.enum(['homeless', 'reference_address', 'housed']),
    /** Where the person actually stays (homeless); unknown: the request's municipality counts. */
    stayNis: nis.optional(),
    /** Habitual residence (housed: eviction, fire, ...). */
    residenceNis: nis.optional(),
    /** Art. 2 §6: a student; the municipality of registration at the time of the request. */
    student: z.strictObject({ registrationNis: nis }).optional(),
    /** Art. 2 §5: asylum seeker or temporary protection; the (compulsory) municipality of registration. */
    asylum: z.strictObject({ registrationNis: nis }).optional(),
    /** Art. 2 §8: leaving a reception structure; a rent guarantee asked by the last day goes to the new home. */
    leavingReception: z.strictObject({ newHomeNis: nis, rentGuaranteeByLastDay: z.boolean() }).optional(),
    /** Staying in a §1 institution ("listed") or a general hospital, and where it is. */
    institution: z
      .strictObject({
        kind: z.enum(['listed', 'general_hospital']),
        nis,
        /** Municipality of registration at admission; null when not registered then (reference address, struck off). */
        registeredAtAdmissionNis: nis.nullable().default(null),
        /** General hospital: the aid is urgent and asked during the stay. */
        urgentDuringStay: z.boolean().default(false),
      })
      .optional(),
    /** A rent guarantee for a move from A to B (not §8): the OCMW of departure. */
    rentGuaranteeMove: z.strictObject({ fromNis: nis, toNis: nis }).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.housing === 'housed' && !f.residenceNis && !f.rentGuaranteeMove) {
      ctx.addIssue({
        code: 'custom',
        path: ['residenceNis'],
        message: say(
          'voor een gehuisveste persoon is de gemeente van gewoonlijk verblijf nodig',
          'a housed person needs the municipality of habitual residence',
        ),
      });
    }
  });
/** @public */
export type CompetenceFacts = z.output<typeof competenceFactsSchema>;

/** @public */
export const COMPETENCE_RULES = [
  'student',
  'asylum',
  'leaving_reception',
  'institution_registered',
  'institution_unregistered',
  'hospital',
  'homeless',
  'reference_address',
  'rent_guarantee_departure',
  'residence',
] as const;
/** @public */
export type CompetenceRule = (typeof COMPETENCE_RULES)[number];

/**
 * A regional agreement: for these rules, the municipality of the place the person is placed in takes over.
 * @public
 */
export const agreementSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  rules: z.array(z.enum(COMPETENCE_RULES)).min(1),
  competent: z.literal('place_municipality'),
  /** The municipalities that signed it (NIS codes, all in the region); absent: every municipality of the region. */
  municipalities: z
    .array(z.string().regex(/^\d{5}$/, 'expected a 5-digit NIS code'))
    .min(1)
    .optional(),
});
/** @public */
export type Agreement = z.output<typeof agreementSchema>;

/** @public */
export interface Reason {
  nl: string;
  en: string;
}
/** @public */
export interface CompetenceDecision {
  nis: string;
  rule: CompetenceRule;
  reason: Reason;
  /** What the law alone says, when an agreement or the worker decided otherwise. */
  law: { nis: string; rule: CompetenceRule; reason: Reason };
  agreement?: { id: string; label: string };
  override?: { reason: string };
}

type NameOf = (nis: string) => string;

/**
 * The law's answer (DOMAIN.md rows 1-9 and the rent-guarantee rule), first match wins.
 * @public
 */
export function legalCompetence(
  f: CompetenceFacts,
  name: NameOf,
): { nis: string; rule: CompetenceRule; reason: Reason } {
  const homelessRule = (rule: 'homeless' | 'reference_address' | 'institution_unregistered') => {
    const nisOf = f.stayNis ?? (rule === 'institution_unregistered' ? f.institution!.nis : f.requestNis);
    const known = f.stayNis !== undefined;
    const where = name(nisOf);
    const lead = {
      homeless: { nl: 'Dakloos', en: 'Homeless' },
      reference_address: {
        nl: 'Een referentieadres beslist niet; dakloos',
        en: 'A reference address does not decide; homeless',
      },
      institution_unregistered: {
        nl: 'In een instelling maar niet ingeschreven bij opname: regel voor daklozen',
        en: 'In an institution but not registered at admission: the homeless rule',
      },
    }[rule];
    const tail = known
      ? { nl: `verblijft feitelijk in ${where}`, en: `actually stays in ${where}` }
      : rule === 'institution_unregistered'
        ? {
            nl: `in de praktijk de gemeente van de instelling, ${where}`,
            en: `in practice the institution's municipality, ${where}`,
          }
        : {
            nl: `verblijfplaats niet vast te stellen, dus waar de hulpvraag gesteld werd: ${where}`,
            en: `stay cannot be established, so where the request was made: ${where}`,
          };
    return {
      nis: nisOf,
      rule,
      reason: { nl: `${lead.nl}, ${tail.nl} (art. 2 §1, §7).`, en: `${lead.en}, ${tail.en} (art. 2 §1, §7).` },
    };
  };
  if (f.student) {
    const w = name(f.student.registrationNis);
    return {
      nis: f.student.registrationNis,
      rule: 'student',
      reason: {
        nl: `Student: gemeente van inschrijving bij de aanvraag, ${w} (art. 2 §6).`,
        en: `Student: municipality of registration at the request, ${w} (art. 2 §6).`,
      },
    };
  }
  if (f.asylum) {
    const w = name(f.asylum.registrationNis);
    return {
      nis: f.asylum.registrationNis,
      rule: 'asylum',
      reason: {
        nl: `Verzoeker om internationale of tijdelijke bescherming: gemeente van inschrijving (verplichte plaats, code 207), ${w} (art. 2 §5).`,
        en: `Asylum seeker or temporary protection: municipality of registration (compulsory place, code 207), ${w} (art. 2 §5).`,
      },
    };
  }
  if (f.leavingReception?.rentGuaranteeByLastDay) {
    const w = name(f.leavingReception.newHomeNis);
    return {
      nis: f.leavingReception.newHomeNis,
      rule: 'leaving_reception',
      reason: {
        nl: `Verlaat een opvangstructuur en vraagt een huurwaarborg uiterlijk de laatste dag: gemeente van de nieuwe woning, ${w} (art. 2 §8).`,
        en: `Leaving a reception structure, rent guarantee asked by the last day: municipality of the new home, ${w} (art. 2 §8).`,
      },
    };
  }
  if (f.institution?.kind === 'listed') {
    const reg = f.institution.registeredAtAdmissionNis;
    if (reg) {
      const w = name(reg);
      return {
        nis: reg,
        rule: 'institution_registered',
        reason: {
          nl: `Verblijft in een instelling (art. 2 §1) en was bij opname ingeschreven in ${w}; dat blijft zo bij ononderbroken overplaatsing (§3).`,
          en: `Staying in a listed institution (art. 2 §1), registered in ${w} at admission; kept through uninterrupted transfers (§3).`,
        },
      };
    }
    return homelessRule('institution_unregistered');
  }
  if (f.institution?.kind === 'general_hospital' && f.institution.urgentDuringStay) {
    const w = name(f.institution.nis);
    return {
      nis: f.institution.nis,
      rule: 'hospital',
      reason: {
        nl: `In een algemeen ziekenhuis, dringende hulp gevraagd tijdens het verblijf: gemeente van het ziekenhuis, ${w} (art. 2 §2).`,
        en: `In a general hospital, urgent aid asked during the stay: the hospital's municipality, ${w} (art. 2 §2).`,
      },
    };
  }
  if (f.housing === 'homeless') return homelessRule('homeless');
  if (f.housing === 'reference_address') return homelessRule('reference_address');
  if (f.rentGuaranteeMove) {
    const w = name(f.rentGuaranteeMove.fromNis);
    return {
      nis: f.rentGuaranteeMove.fromNis,
      rule: 'rent_guarantee_departure',
      reason: {
        nl: `Huurwaarborg bij verhuis: het OCMW van vertrek, ${w}.`,
        en: `Rent guarantee for a move: the OCMW of departure, ${w}.`,
      },
    };
  }
  const w = name(f.residenceNis!);
  return {
    nis: f.residenceNis!,
    rule: 'residence',
    reason: {
      nl: `Gehuisvest (uithuiszetting, brand, ...): gemeente van gewoonlijk verblijf, ${w} (art. 1).`,
      en: `Housed (eviction, fire, ...): municipality of habitual residence, ${w} (art. 1).`,
    },
  };
}

/** @public */
export interface DecideOptions {
  name: NameOf;
  agreements?: readonly Agreement[];
  /** Municipality of the place the person is placed in, once there is one. */
  placeNis?: string | null;
  /** The worker's decision with a written reason, which beats law and agreements. */
  override?: { nis: string; reason: string } | null;
}

/** @public */
export function decideCompetence(f: CompetenceFacts, o: DecideOptions): CompetenceDecision {
  const law = legalCompetence(f, o.name);
  if (o.override) {
    const w = o.name(o.override.nis);
    return {
      nis: o.override.nis,
      rule: law.rule,
      law,
      override: { reason: o.override.reason },
      reason: {
        nl: `Door de medewerker aangeduid: ${w}. Reden: ${o.override.reason}`,
        en: `Chosen by the worker: ${w}. Reason: ${o.override.reason}`,
      },
    };
  }
  const signed = (a: Agreement, nis: string) => !a.municipalities || a.municipalities.includes(nis);
  const agreement = o.placeNis
    ? o.agreements?.find((a) => a.rules.includes(law.rule) && signed(a, o.placeNis!) && signed(a, law.nis))
    : undefined;
  if (agreement && o.placeNis && o.placeNis !== law.nis) {
    const w = o.name(o.placeNis);
    return {
      nis: o.placeNis,
      rule: law.rule,
      law,
      agreement: { id: agreement.id, label: agreement.label },
      reason: {
        nl: `Regionale afspraak "${agreement.label}": het OCMW van de gemeente van de opvangplaats, ${w}, neemt over (de wet zou ${o.name(law.nis)} aanduiden).`,
        en: `Regional agreement "${agreement.label}": the OCMW of the place's municipality, ${w}, takes over (the law would name ${o.name(law.nis)}).`,
      },
    };
  }
  return { nis: law.nis, rule: law.rule, reason: law.reason, law };
}

/**
 * Every municipality a set of facts names, so the server can refuse unknown ones by field.
 * @public
 */
export function namedMunicipalities(f: CompetenceFacts): { path: string; nis: string }[] {
  const out: { path: string; nis: string }[] = [{ path: 'requestNis', nis: f.requestNis }];
  const add = (path: string, v: string | null | undefined) => {
    if (v) out.push({ path, nis: v });
  };
  add('stayNis', f.stayNis);
  add('residenceNis', f.residenceNis);
  add('student.registrationNis', f.student?.registrationNis);
  add('asylum.registrationNis', f.asylum?.registrationNis);
  add('leavingReception.newHomeNis', f.leavingReception?.newHomeNis);
  add('institution.nis', f.institution?.nis);
  add('institution.registeredAtAdmissionNis', f.institution?.registeredAtAdmissionNis);
  add('rentGuaranteeMove.fromNis', f.rentGuaranteeMove?.fromNis);
  add('rentGuaranteeMove.toNis', f.rentGuaranteeMove?.toNis);
  return out;
}
