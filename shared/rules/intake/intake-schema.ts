/**
 * What an intake (aanmelding) records, validated the same way in the console and at the server.
 * Only what the night needs is mandatory: who refers, a name or initials, the household, the
 * situation and where the request is made. Everything else can wait for the OCMW.
 */
import { z } from 'zod';
import { phoneSchema } from '../phone';
import { rrnSchema } from '../rrn';
import { isIsoDate } from '../wall-clock';
import { competenceFactsSchema } from '../competence';
import { municipalityRef } from '../nis';
import { say } from '../say';

/** @public */
export const HOUSEHOLD_TYPES = [
  'alleenstaande_man',
  'alleenstaande_vrouw',
  'zwanger_koppel',
  'moeder_met_kinderen',
  'vader_met_kinderen',
  'gezin_met_kinderen',
] as const;
/** @public */
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

/**
 * ETHOS Light (FEANTSA) 1-6, plus the Flemish counts' "threatened eviction".
 * @public
 */
export const ETHOS = [
  'public_space',
  'emergency_shelter',
  'temporary_accommodation',
  'leaving_institution',
  'non_conventional',
  'with_family_friends',
  'threatened_eviction',
] as const;
/** @public */
export const NEEDS = ['medical', 'psychiatric', 'addiction', 'pets', 'wheelchair'] as const;
/** @public */
export const REFERRER_KINDS = ['police', 'hospital', 'social_service', 'self', 'other'] as const;
/** @public */
export const SEXES = ['f', 'm', 'x'] as const;

/**
 * The adults a household type implies, and whether it has children.
 * @public
 */
export const HOUSEHOLD_SHAPE: Record<HouseholdType, { adults: [number, number]; children: boolean }> = {
  alleenstaande_man: { adults: [1, 1], children: false },
  alleenstaande_vrouw: { adults: [1, 1], children: false },
  zwanger_koppel: { adults: [2, 2], children: false },
  moeder_met_kinderen: { adults: [1, 1], children: true },
  vader_met_kinderen: { adults: [1, 1], children: true },
  gezin_met_kinderen: { adults: [2, 6], children: true },
};

const isoDate = z
  .string()
  .refine(isIsoDate, { message: say('geen bestaande datum (JJJJ-MM-DD)', 'not an existing date (YYYY-MM-DD)') });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, say(`hoogstens ${max} tekens`, `at most ${max} characters`));
const typeName = (type: string) => type.replace(/_/g, ' ');

/** @public */
export const householdInputSchema = z
  .strictObject({
    type: z.enum(HOUSEHOLD_TYPES),
    adults: z.number().int().min(1).max(6),
    children: z.number().int().min(0).max(15),
    /** Ages of the children, when known; if given, one per child. */
    childrenAges: z
      .array(
        z
          .number()
          .int()
          .min(0, say('een leeftijd is 0 of meer', 'an age is 0 or more'))
          .max(17, say('een kind is 17 of jonger', 'a child is 17 or younger')),
      )
      .max(15)
      .optional(),
  })
  .superRefine((h, ctx) => {
    const shape = HOUSEHOLD_SHAPE[h.type];
    if (shape.children && h.children === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['children'],
        message: say(
          `een huishouden "${typeName(h.type)}" heeft minstens één kind`,
          `a household "${h.type}" has at least one child`,
        ),
      });
    if (!shape.children && h.children > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['children'],
        message: say(
          `een huishouden "${typeName(h.type)}" heeft geen kinderen; kies een huishouden met kinderen`,
          `a household "${h.type}" has no children; choose a household with children`,
        ),
      });
    if (h.adults < shape.adults[0] || h.adults > shape.adults[1]) {
      const [lo, hi] = shape.adults;
      ctx.addIssue({
        code: 'custom',
        path: ['adults'],
        message: say(
          `een huishouden "${typeName(h.type)}" telt ${lo === hi ? lo : `${lo} tot ${hi}`} volwassene(n)`,
          `a household "${h.type}" has ${lo === hi ? lo : `${lo} to ${hi}`} adult(s)`,
        ),
      });
    }
    if (h.childrenAges && h.childrenAges.length !== h.children) {
      ctx.addIssue({
        code: 'custom',
        path: ['childrenAges'],
        message: say(
          `${h.childrenAges.length} leeftijden opgegeven voor ${h.children} kinderen`,
          `${h.childrenAges.length} ages given for ${h.children} children`,
        ),
      });
    }
  });
/** @public */
export type HouseholdInput = z.output<typeof householdInputSchema>;

/** @public */
export const personSchema = z
  .strictObject({
    /** Name, or initials when that is all the caller gives. */
    name: z.string().trim().min(1, say('een naam of initialen', 'a name or initials')).max(120),
    birthDate: isoDate.optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    sex: z.enum(SEXES).optional(),
    /** National register number: checksum-validated; stored only where the deployment is authorised. */
    rrn: rrnSchema.optional(),
  })
  .refine((p) => !(p.birthDate && p.birthYear && Number(p.birthDate.slice(0, 4)) !== p.birthYear), {
    path: ['birthYear'],
    message: say('klopt niet met de geboortedatum', 'does not match the birth date'),
  });

/** @public */
export const referrerSchema = z.strictObject({
  kind: z.enum(REFERRER_KINDS),
  organisation: z
    .string()
    .trim()
    .min(1, say('welke politiezone, welk ziekenhuis of welke dienst', 'which police zone, hospital or service'))
    .max(120),
  person: text(120).optional(),
  phone: phoneSchema.optional(),
  /** Badge number (police) or department (hospital). */
  badge: text(60).optional(),
});

/**
 * The worker names another competent OCMW than the rules give, always with a written reason.
 * @public
 */
export const competenceOverrideSchema = z.strictObject({
  nis: municipalityRef,
  reason: z
    .string()
    .trim()
    .min(
      10,
      say(
        'schrijf waarom dit OCMW en niet dat van de regels (minstens 10 tekens)',
        'write why this OCMW and not the one the rules give (at least 10 characters)',
      ),
    )
    .max(1000),
});

/** @public */
export const intakeInputSchema = z.strictObject({
  callId: z.uuid(say('geen geldige oproep-id', 'not a valid call id')).optional(),
  referrer: referrerSchema,
  person: personSchema,
  household: householdInputSchema,
  ethos: z.enum(ETHOS),
  previousNights: text(500).optional(),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length).default([]),
  story: text(5000).optional(),
  facts: competenceFactsSchema,
  override: competenceOverrideSchema.optional(),
});
/** @public */
export type IntakeInput = z.output<typeof intakeInputSchema>;

/**
 * The board's household (who a place must suit) from an intake's facts.
 * @public
 */
export function boardHousehold(h: HouseholdInput, sex: (typeof SEXES)[number] | undefined, needs: readonly string[]) {
  const tags = new Set<'men' | 'women' | 'families' | 'pets' | 'wheelchair'>();
  if (
    h.type === 'alleenstaande_vrouw' ||
    h.type === 'moeder_met_kinderen' ||
    (sex === 'f' && h.adults === 1 && h.type !== 'alleenstaande_man' && h.type !== 'vader_met_kinderen')
  )
    tags.add('women');
  if (h.type === 'alleenstaande_man' || h.type === 'vader_met_kinderen') tags.add('men');
  if (h.type === 'gezin_met_kinderen' || h.type === 'zwanger_koppel') tags.add('families');
  if (needs.includes('pets')) tags.add('pets');
  if (needs.includes('wheelchair')) tags.add('wheelchair');
  return { adults: h.adults, children: h.children, needs: [...tags] };
}

/**
 * Initials for the board ("Maria Janssens" -> "M.J."); the board never shows full names.
 * @public
 */
export function initialsOf(name: string): string {
  const parts = name
    .trim()
    .split(/[\s.-]+/)
    .filter(Boolean);
  return (
    parts
      .slice(0, 3)
      .map((p) => `${p[0]!.toUpperCase()}.`)
      .join('') || '?'
  );
}

/** @public */
export { personMatchText } from './person-key';
