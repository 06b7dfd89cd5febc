// Several regions in one deployment (issue 15 part 3): the second region as data, and the checks that keep a
// region's municipalities, agreements, numbers and places inside it.
import { describe, expect, it } from 'vitest';
import { checkPlacesInRegion, loadDemoPlaces } from '../seed/demo';
import bmlMunicipalities from './data/boom-mechelen-lier/municipalities.json';
import bmlRegion from './data/boom-mechelen-lier/region.json';
import { loadRegionConfig, loadRegionConfigs, parseRegionConfig, SHIPPED_REGIONS } from './region-config';

// DOMAIN.md's list of the 18 local governments of Rivierenland and the Rupelstreek, typed over by hand.
const BML_NIS = [
  '12014',
  '12005',
  '12002',
  '12026',
  '12021',
  '12029',
  '12035',
  '12025',
  '12009',
  '12007',
  '12041',
  '12040',
  '11001',
  '11005',
  '11018',
  '11030',
  '11037',
  '11038',
];
const raw = () => structuredClone({ ...bmlRegion, municipalities: bmlMunicipalities }) as any;

describe('Boom-Mechelen-Lier as data', () => {
  it('loads its 18 municipalities by NIS code, one OCMW each, its permanence and day numbers', () => {
    const c = loadRegionConfig('boom-mechelen-lier');
    expect(c.municipalities.map((m) => m.nis).sort()).toEqual([...BML_NIS].sort());
    expect(c.ocmws.map((o) => o.municipalityNis).sort()).toEqual([...BML_NIS].sort());
    expect(c.municipalities.find((m) => m.nis === '12041')?.name).toBe('Puurs-Sint-Amands');
    expect(c.permanenceNumber).toBe('+3215000000');
    expect(c.dayNumber).toBe('+3215441990');
    expect(c.neighbours).toEqual([{ region: 'kempen', holdsAllowed: true }]);
  });

  it('loads with the Kempen: no municipality or permanence number shared', () => {
    const both = loadRegionConfigs(SHIPPED_REGIONS);
    expect(both.map((c) => c.code)).toEqual(['kempen', 'boom-mechelen-lier']);
    expect(both[0]!.permanenceNumber).toBe('+3214000000');
    expect(both.reduce((n, c) => n + c.municipalities.length, 0)).toBe(27 + 18);
  });

  it('its demo places lie in the region', () => {
    const c = loadRegionConfig('boom-mechelen-lier');
    const places = loadDemoPlaces('boom-mechelen-lier');
    expect(places.length).toBeGreaterThan(0);
    expect(() => checkPlacesInRegion(places, c)).not.toThrow();
  });
});

describe('a region refuses what points outside it, naming the field', () => {
  it('an agreement signed by a municipality of another region', () => {
    const bad = raw();
    bad.competence.agreements = [
      {
        id: 'w13',
        label: 'Plaats neemt over',
        rules: ['homeless'],
        competent: 'place_municipality',
        municipalities: ['12025', '13040'],
      },
    ];
    expect(() => parseRegionConfig(bad)).toThrow(
      /competence\.agreements\.0\.municipalities\.1: municipality 13040 is not in region boom-mechelen-lier/,
    );
  });

  it('a demo place in a municipality of another region', () => {
    const c = loadRegionConfig('boom-mechelen-lier');
    const places = loadDemoPlaces('boom-mechelen-lier');
    const moved = places.map((p, i) => (i === 2 ? { ...p, municipalityNis: '13040' } : p));
    expect(() => checkPlacesInRegion(moved, c)).toThrow(
      /places\.2\.municipalityNis: 13040 is not in region boom-mechelen-lier/,
    );
  });

  it('a permanence number that is not a Belgian E.164 number, and a region that is its own neighbour', () => {
    const bad = raw();
    bad.permanenceNumber = '015 00 00 00';
    bad.neighbours = [{ region: 'boom-mechelen-lier', holdsAllowed: false }];
    expect(() => parseRegionConfig(bad)).toThrow(
      /permanenceNumber: expected a Belgian number[\s\S]*neighbours\.0\.region: a region is not its own neighbour/,
    );
  });
});
