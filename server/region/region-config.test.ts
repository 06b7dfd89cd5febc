import { describe, expect, it } from 'vitest';
import municipalities from './data/kempen/municipalities.json';
import region from './data/kempen/region.json';
import { calendarSchema, loadRegionConfig, parseRegionConfig, regionConfigSchema } from './region-config';
import { solidarityTarget } from './solidarity';

const raw = () => structuredClone({ ...region, municipalities }) as any;

describe('region config', () => {
  it('loads the Kempen: 27 municipalities, one OCMW each', () => {
    const c = loadRegionConfig();
    expect(c.municipalities).toHaveLength(27);
    expect(c.municipalities.reduce((s, m) => s + m.population, 0)).toBe(479974);
    expect(new Set(c.ocmws.map((o) => o.municipalityNis)).size).toBe(27);
    expect(c.municipalities.find((m) => m.name === 'Grobbendonk')?.postcodes).toBe('2280,2288');
  });

  it('every OCMW calendar validates and has weekday hours', () => {
    for (const o of loadRegionConfig().ocmws) {
      expect(calendarSchema.safeParse(o.calendar).success, o.name).toBe(true);
      expect(o.calendar.hours.mon?.length, o.name).toBeGreaterThan(0);
    }
  });

  it('names the broken field', () => {
    const bad = raw();
    bad.ocmws[3].calendar.hours.tue[0].start = '9u';
    const r = regionConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['ocmws', 3, 'calendar', 'hours', 'tue', 0, 'start']);
    expect(() => parseRegionConfig(bad)).toThrow(/ocmws\.3\.calendar\.hours\.tue\.0\.start: time must be HH:mm/);
  });

  it('rejects bad timezone, phone, date, and a municipality without OCMW', () => {
    const bad = raw();
    bad.timezone = 'Europe/Brusels';
    bad.ocmws[0].phone = '014 12 34 56';
    bad.ocmws[1].calendar.closureDays.push('2026-02-30');
    bad.ocmws.pop();
    expect(() => parseRegionConfig(bad)).toThrow(
      /timezone: unknown IANA time zone[\s\S]*ocmws\.0\.phone[\s\S]*ocmws\.1\.calendar\.closureDays\.\d+[\s\S]*no OCMW for Westerlo/,
    );
  });

  it('rejects an unknown weekday key and an inverted interval', () => {
    const bad = raw();
    bad.ocmws[0].calendar.hours.maandag = [];
    bad.ocmws[1].calendar.hours.mon = [{ start: '12:00', end: '09:00' }];
    expect(() => parseRegionConfig(bad)).toThrow(
      /ocmws\.0\.calendar\.hours[\s\S]*ocmws\.1\.calendar\.hours\.mon\.0\.end: end must be after start/,
    );
  });

  it('refuses a path-like region code', () => {
    expect(() => loadRegionConfig('../seed')).toThrow(/Invalid region code/);
  });
});

describe('solidarityTarget', () => {
  it('1 place per 10,000 inhabitants, at least 1', () => {
    expect(solidarityTarget(3001)).toBe(1);
    expect(solidarityTarget(14999)).toBe(1);
    expect(solidarityTarget(15000)).toBe(2);
    expect(solidarityTarget(47305)).toBe(5);
    expect(solidarityTarget(0)).toBe(1);
  });
});
