// The national list as shipped: counts from Statbel (DOMAIN.md and the source note), OCMW names in
// their own language, and the closest names for a mistyped one.
import { describe, expect, it } from 'vitest';
import {
  belgianMunicipalities,
  belgianMunicipality,
  closestMunicipalities,
  letterLanguage,
  localName,
  municipalityByName,
  ocmwName,
} from './belgium';

const m = (nis: string) => belgianMunicipality(nis)!;

describe('every Belgian municipality since 1 January 2025', () => {
  it('has 565: 285 Flemish, 261 Walloon, 19 in Brussels, each code once', () => {
    const all = belgianMunicipalities();
    expect(all).toHaveLength(565);
    expect(new Set(all.map((x) => x.nis)).size).toBe(565);
    expect(all.filter((x) => x.region === 'flanders')).toHaveLength(285);
    expect(all.filter((x) => x.region === 'wallonia')).toHaveLength(261);
    expect(all.filter((x) => x.region === 'brussels')).toHaveLength(19);
  });

  it('knows the merged municipalities and not the codes they replaced', () => {
    expect(m('44086').nameNl).toBe('Nazareth-De Pinte');
    expect(m('71072').nameNl).toBe('Hasselt');
    expect(belgianMunicipality('11007')).toBeUndefined(); // Borsbeek, merged into Antwerpen
    expect(belgianMunicipality('71022')).toBeUndefined(); // the old Hasselt code
  });

  it.each([
    ['11002', 'OCMW Antwerpen', 'nl'],
    ['52011', 'CPAS de Charleroi', 'fr'],
    ['62003', "CPAS d'Ans", 'fr'],
    ['55035', 'CPAS du Roeulx', 'fr'],
    ['52075', 'CPAS des Bons Villers', 'fr'],
    ['92094', 'CPAS de Namur', 'fr'],
    ['21009', "OCMW Elsene / CPAS d'Ixelles", 'nl'],
    ['63023', 'ÖSHZ Eupen', 'fr'],
  ])('names the OCMW of %s in its own language: %s (letter in %s)', (nis, name, lang) => {
    expect(ocmwName(m(nis))).toBe(name);
    expect(letterLanguage(m(nis).region)).toBe(lang);
  });

  it('gives the local name: Dutch in Flanders, French in Wallonia, German in the east, both in Brussels', () => {
    expect(localName(m('24062'))).toBe('Leuven');
    expect(localName(m('62063'))).toBe('Liège');
    expect(localName(m('63040'))).toBe('Kelmis');
    expect(localName(m('21004'))).toBe('Brussel / Bruxelles');
  });

  it('finds a municipality by its name in any language, case and accents ignored', () => {
    expect(municipalityByName('anvers')?.nis).toBe('11002');
    expect(municipalityByName('LIEGE')?.nis).toBe('62063');
    expect(municipalityByName('Löwen')?.nis).toBe('24062');
    expect(municipalityByName('Antwerp')).toBeUndefined();
  });

  it('suggests the closest names for a mistyped or half-typed one', () => {
    expect(closestMunicipalities('Antwerp').map((x) => x.nis)).toContain('11002');
    expect(closestMunicipalities('Charelroi')[0]!.nis).toBe('52011');
    expect(closestMunicipalities('Mechlen')[0]!.nis).toBe('12025');
  });
});
