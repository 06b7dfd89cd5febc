// Every Belgian municipality (565 since the mergers of 1 January 2025), shipped as data: the desk
// must name the competent OCMW wherever the law puts it, not only inside its own regions.
// Source and checks: ./data/belgium/SOURCE.md (compiled from Statbel's REFNIS list).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths';

export type BelgianRegion = 'flanders' | 'wallonia' | 'brussels';
export type LetterLanguage = 'nl' | 'fr';

export interface BelgianMunicipality {
  nis: string;
  nameNl: string;
  nameFr: string;
  nameDe: string;
  arrondissementNis: string;
  provinceNis: string | null;
  region: BelgianRegion;
}

// The nine municipalities of the German-speaking Community (arrondissement Verviers): their OCMW is
// an ÖSHZ and is named in German.
const GERMAN_SPEAKING = new Set(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087']);

let cache: BelgianMunicipality[] | undefined;
const CSV = () => fromRoot('server/region/data/belgium/municipalities.csv');

/** sha256 of the shipped list: start-up reloads it into the database only when this changes. */
export function belgiumDataChecksum(): string {
  return createHash('sha256').update(readFileSync(CSV())).digest('hex');
}

/** The list, parsed once; a malformed line fails at start with its line number. */
export function belgianMunicipalities(): BelgianMunicipality[] {
  if (cache) return cache;
  const text = readFileSync(CSV(), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== 'nis,name_nl,name_fr,name_de,arrondissement_nis,province_nis,region')
    throw new Error('belgium/municipalities.csv: unexpected header');
  cache = lines.map((line, i) => {
    const [nis, nameNl, nameFr, nameDe, arr, prov, region] = line.split(',');
    if (
      !/^\d{5}$/.test(nis ?? '') ||
      !nameNl ||
      !nameFr ||
      !nameDe ||
      !/^\d{5}$/.test(arr ?? '') ||
      !['flanders', 'wallonia', 'brussels'].includes(region ?? '')
    ) {
      throw new Error(`belgium/municipalities.csv line ${i + 2}: malformed`);
    }
    return {
      nis: nis!,
      nameNl,
      nameFr,
      nameDe,
      arrondissementNis: arr!,
      provinceNis: prov || null,
      region: region as BelgianRegion,
    };
  });
  return cache;
}

export function belgianMunicipality(nis: string): BelgianMunicipality | undefined {
  return belgianMunicipalities().find((m) => m.nis === nis);
}

/**
 * The name used in its own language; Brussels is bilingual, Dutch first for this Flemish desk.
 * @public
 */
export function localName(m: BelgianMunicipality): string {
  if (m.region === 'flanders') return m.nameNl;
  if (m.region === 'brussels') return m.nameNl === m.nameFr ? m.nameNl : `${m.nameNl} / ${m.nameFr}`;
  return GERMAN_SPEAKING.has(m.nis) ? m.nameDe : m.nameFr;
}

/** "CPAS de Namur", "CPAS d'Ans", "CPAS du Roeulx", "CPAS des Bons Villers". */
function cpasOf(name: string): string {
  if (/^Le /.test(name)) return `CPAS du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `CPAS des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊaeiouyéèê]/.test(name)) return `CPAS d'${name}`;
  return `CPAS de ${name}`;
}

/** The OCMW as it is called where it is: OCMW in Flanders, CPAS in Wallonia, both in Brussels, ÖSHZ in the east. */
export function ocmwName(m: BelgianMunicipality): string {
  if (m.region === 'flanders') return `OCMW ${m.nameNl}`;
  if (m.region === 'brussels') return `OCMW ${m.nameNl} / ${cpasOf(m.nameFr)}`;
  return GERMAN_SPEAKING.has(m.nis) ? `ÖSHZ ${m.nameDe}` : cpasOf(m.nameFr);
}

/**
 * The language of a letter to that OCMW: Dutch in Flanders and Brussels (a Brussels OCMW must answer
 * a Dutch-speaking service in Dutch), French in Wallonia, including the German-speaking OCMWs, which
 * read French (the desk writes no German).
 * @public
 */
export function letterLanguage(region: BelgianRegion | null): LetterLanguage {
  return region === 'wallonia' ? 'fr' : 'nl';
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The municipality whose Dutch, French or German name is exactly what was typed (case and accents ignored).
 * @public
 */
export function municipalityByName(typed: string): BelgianMunicipality | undefined {
  const q = fold(typed);
  const hits = belgianMunicipalities().filter((m) => [m.nameNl, m.nameFr, m.nameDe].some((n) => fold(n) === q));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The closest names to what was typed, best first: names starting with it, then by edit distance of
 * the name (or its start, for a half-typed name) in any of the three languages.
 * @public
 */
export function closestMunicipalities(typed: string, limit = 3): BelgianMunicipality[] {
  const q = fold(typed);
  if (!q) return [];
  const score = (m: BelgianMunicipality) =>
    Math.min(
      ...[m.nameNl, m.nameFr, m.nameDe].map((raw) => {
        const n = fold(raw);
        if (n.startsWith(q)) return 0;
        return Math.min(distance(q, n), distance(q, n.slice(0, q.length)) + 1);
      }),
    );
  return belgianMunicipalities()
    .map((m) => ({ m, s: score(m) }))
    .sort((a, b) => a.s - b.s || a.m.nameNl.localeCompare(b.m.nameNl))
    .slice(0, limit)
    .map((x) => x.m);
}
