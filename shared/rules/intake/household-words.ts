/**
 * A household as the screening whisper says it ("moeder met twee kinderen"): spoken Dutch, no
 * names. Counts up to twelve in words, since a text-to-speech voice reads "2" oddly in a sentence.
 */
const WORDS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const BASE: Record<string, string> = {
  alleenstaande_man: 'alleenstaande man',
  alleenstaande_vrouw: 'alleenstaande vrouw',
  zwanger_koppel: 'zwanger koppel',
  moeder_met_kinderen: 'moeder',
  vader_met_kinderen: 'vader',
  gezin_met_kinderen: 'gezin',
};

/** @public */
export function householdWords(type: string, children: number): string {
  const base = BASE[type] ?? type.replace(/_/g, ' ');
  if (!type.endsWith('_met_kinderen')) return base;
  const n = WORDS[children] ?? String(children);
  return `${base} met ${n} ${children === 1 ? 'kind' : 'kinderen'}`;
}
