// The text that links earlier contacts of one person: the name's letters and digits in any script,
// normalised, with the birth date. Two spellings of one name must meet ("José" and "JOSE", "Ａｎｎａ" and
// "Anna"); two different names never may ("Mohamed 1" and "Mohamed 2 محمد" are two people).

// Accents on Latin and Greek letters are dropped (people and forms write "Celine" for "Céline"), and so
// are Arabic and Hebrew vowel signs and hamza, which most writers leave out. Other marks (Cyrillic
// breve in "й", Indic vowel signs, kana voicing) change the letter and are kept.
const DROP_ON_BASE = /[\p{Script=Latin}\p{Script=Greek}]/u;
const DROPPABLE_MARK = /[\u0591-\u05C7\u064B-\u065F\u0670]/u;
const MARK = /\p{M}/u;
// Latin letters with a stroke or ligature have no decomposition; these are their usual spellings.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ς: 'σ' };

/**
 * The name as the key compares it: NFKC, case-folded, safe diacritics removed, words of letters and digits.
 * @public
 */
export function normalisedName(name: string): string {
  let out = '';
  let base = '';
  for (const ch of name.normalize('NFKD')) {
    if (MARK.test(ch)) {
      if (DROP_ON_BASE.test(base) || DROPPABLE_MARK.test(ch)) continue;
    } else base = ch;
    out += ch;
  }
  return out
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ßæœøđłς]/g, (c) => FOLD[c]!)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key text: normalised name and birth date. Null without a birth date or without a letter or digit in the name.
 * @public
 */
export function personMatchText(name: string, birthDate: string | undefined | null): string | null {
  if (!birthDate) return null;
  const n = normalisedName(name);
  return n ? `${n}|${birthDate}` : null;
}
