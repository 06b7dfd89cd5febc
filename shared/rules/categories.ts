/**
 * The words for the category codes the figures use (household type, ETHOS situation, referrer, kind of
 * caller, place type, call outcome), in Dutch and English, for what leaves the desk as text (CSV).
 * The console says the same words through its own messages; server/reports/exports.test.ts checks
 * the two agree. A code without a word here (a new one) is written as the code itself.
 * @public
 */
export type Lang = 'nl' | 'en';
type Words = Record<string, readonly [nl: string, en: string]>;

/** @public */
export const CATEGORY_LABELS = {
  household: {
    alleenstaande_man: ['Alleenstaande man', 'Single man'],
    alleenstaande_vrouw: ['Alleenstaande vrouw', 'Single woman'],
    zwanger_koppel: ['Zwanger koppel', 'Pregnant couple'],
    moeder_met_kinderen: ['Moeder met kinderen', 'Mother with children'],
    vader_met_kinderen: ['Vader met kinderen', 'Father with children'],
    gezin_met_kinderen: ['Gezin met kinderen', 'Family with children'],
  },
  ethos: {
    public_space: ['Openbare ruimte, op straat', 'Public space, rough sleeping'],
    emergency_shelter: ['Nacht- of noodopvang', 'Night or emergency shelter'],
    temporary_accommodation: ['Tijdelijke opvang (ook vluchthuis)', "Temporary accommodation (incl. women's shelter)"],
    leaving_institution: ['Verlaat een instelling zonder woning', 'Leaving an institution with no home'],
    non_conventional: ['Auto, kraakpand, caravan', 'Car, squat, caravan'],
    with_family_friends: ['Tijdelijk bij familie of vrienden', 'Temporarily with family or friends'],
    threatened_eviction: ['Dreigende uithuiszetting', 'Threatened eviction'],
  },
  referrer: {
    police: ['Politie', 'Police'],
    hospital: ['Ziekenhuis', 'Hospital'],
    social_service: ['Sociale dienst', 'Social service'],
    self: ['De persoon zelf', 'The person themself'],
    other: ['Andere', 'Other'],
  },
  caller: {
    police: ['Politie', 'Police'],
    hospital: ['Ziekenhuis', 'Hospital'],
    service: ['Dienst', 'Service'],
    other: ['Andere', 'Other'],
    unknown: ['Onbekend nummer', 'Unknown number'],
  },
  placeType: {
    caw_noodkamer: ['CAW-noodkamer', 'CAW emergency room'],
    hotel: ['Hotelkamer', 'Hotel room'],
    crisisbed: ['Crisisbed', 'Crisis bed'],
    ocmw_noodwoning: ['OCMW-noodwoning', 'OCMW emergency home'],
    doorgangswoning: ['Doorgangswoning', 'Transit home'],
    vluchthuis: ['Vluchthuis', "Women's shelter"],
  },
  outcome: {
    answered: ['Beantwoord', 'Answered'],
    missed: ['Gemist', 'Missed'],
    voicemail: ['Voicemail', 'Voicemail'],
    ringing: ['Lopend', 'Ringing'],
    total: ['Totaal', 'Total'],
  },
} as const satisfies Record<string, Words>;

/** @public */
export type Category = keyof typeof CATEGORY_LABELS;

/**
 * The word for `code` in `lang`; the code itself when it has none.
 * @public
 */
export function categoryLabel(category: Category, code: string, lang: Lang): string {
  const words = (CATEGORY_LABELS[category] as Words)[code];
  return words ? words[lang === 'nl' ? 0 : 1] : code;
}
