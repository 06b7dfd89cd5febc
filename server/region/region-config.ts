// A region is data, not code: a folder under ./data/<code>/ with region.json + municipalities.json,
// validated here so a typo in the JSON fails at start with the field named, not at 3 a.m.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { calendarSchema } from '../../shared/rules/calendar-schema';
import { agreementSchema } from '../../shared/rules/competence';
import { allocationRulesSchema } from '../../shared/rules/housing/allocation';
import { fromRoot } from '../paths';
import { belgianMunicipality } from './belgium';

export { calendarSchema, weeklyHoursSchema } from '../../shared/rules/calendar-schema';

// Belgian number in E.164: fixed lines have 8 digits after +32, mobiles (4xx) 9.
/** @public */
export const belgianPhone = z
  .string()
  .regex(/^\+32(4[5-9]\d{7}|[1-9]\d{7})$/, 'expected a Belgian number in E.164 (+32...)');

export const municipalitySchema = z.object({
  nis: z.string().regex(/^\d{5}$/, 'expected a 5-digit NIS code'),
  name: z.string().min(1),
  population: z.number().int().nonnegative(),
  postcodes: z.string().regex(/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/, 'expected e.g. "2300" or "2320-2323,2328"'),
  eerstelijnszone: z.string().min(1),
  policeZone: z.string().min(1),
});

export const ocmwSchema = z.object({
  municipalityNis: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  phone: belgianPhone.nullable(),
  email: z.email().nullable(),
  calendar: calendarSchema,
  /** Mobile of the OCMW's contact person: the morning digest and escalations go here by SMS. */
  contactMobile: belgianPhone.nullable().optional(),
});

const validTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Neighbouring regions for solidarity (issue 15 part 4). */
export const neighboursSchema = z.array(
  z.strictObject({ region: z.string().regex(/^[a-z0-9-]+$/), holdsAllowed: z.boolean() }),
);

/** The region's fields, before the checks across them (settings.ts picks the ones stored with the region). */
export const regionObjectSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  timezone: z.string().refine(validTimezone, 'unknown IANA time zone'),
  /** The region's permanence number: a call to it (Twilio's `To`) reaches this region's rota. */
  permanenceNumber: belgianPhone,
  /** Inside office hours the permanence line forwards here (the CAW's day number). */
  dayNumber: belgianPhone,
  rota: z.strictObject({
    /** By this local time the day before, the coordinator hears about a gap in the coming night. */
    gapAlertTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:mm'),
    /** The incoming worker gets a reminder this many minutes before their shift starts. */
    shiftReminderMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
  }),
  board: z.strictObject({
    /** A partner hotel's count for tonight shows as stale after this many hours. */
    staleAfterHours: z.number().min(1).max(24),
  }),
  officeHours: calendarSchema,
  handoffs: z.strictObject({
    /** A handoff not acknowledged this many hours after it fell due: SMS to the OCMW contact and the coordinator. */
    escalateAfterHours: z.number().min(0.5).max(72),
  }),
  competence: z.strictObject({
    /** Regional agreements that override the law's competent OCMW (e.g. the place's municipality takes over). */
    agreements: z.array(agreementSchema),
  }),
  /**
   * Solidarity across regions (issue 15 part 4): neighbouring regions whose free places the board shows when
   * none is free here, and whether a worker of this region may hold one there (both regions must say so).
   */
  neighbours: neighboursSchema.default([]),
  /** The wooncel's published allocation rules and the 1-per-N-inhabitants targets (optional: the Kempen's by default). */
  housing: allocationRulesSchema.optional(),
  municipalities: z.array(municipalitySchema).min(1),
  ocmws: z.array(ocmwSchema),
});

export const regionConfigSchema = regionObjectSchema.superRefine((r, ctx) => {
  // Every municipality needs exactly one OCMW: the follow-up rules must always land somewhere.
  const nis = new Set(r.municipalities.map((m) => m.nis));
  if (nis.size !== r.municipalities.length)
    ctx.addIssue({ code: 'custom', path: ['municipalities'], message: 'duplicate NIS code' });
  const seen = new Set<string>();
  r.ocmws.forEach((o, i) => {
    if (!nis.has(o.municipalityNis))
      ctx.addIssue({
        code: 'custom',
        path: ['ocmws', i, 'municipalityNis'],
        message: `unknown municipality ${o.municipalityNis}`,
      });
    if (seen.has(o.municipalityNis))
      ctx.addIssue({
        code: 'custom',
        path: ['ocmws', i, 'municipalityNis'],
        message: `second OCMW for ${o.municipalityNis}`,
      });
    seen.add(o.municipalityNis);
  });
  for (const m of r.municipalities) {
    if (!seen.has(m.nis))
      ctx.addIssue({ code: 'custom', path: ['ocmws'], message: `no OCMW for ${m.name} (${m.nis})` });
  }
  // An agreement binds the region's own municipalities only.
  r.competence.agreements.forEach((a, i) => {
    a.municipalities?.forEach((n, j) => {
      if (!nis.has(n))
        ctx.addIssue({
          code: 'custom',
          path: ['competence', 'agreements', i, 'municipalities', j],
          message: `municipality ${n} is not in region ${r.code}`,
        });
    });
  });
  r.neighbours.forEach((n, i) => {
    if (n.region === r.code)
      ctx.addIssue({ code: 'custom', path: ['neighbours', i, 'region'], message: 'a region is not its own neighbour' });
  });
});

export type { Calendar, WeeklyHours } from '../../shared/rules/calendar-schema';
export type MunicipalityConfig = z.infer<typeof municipalitySchema>;
export type OcmwConfig = z.infer<typeof ocmwSchema>;
/** @public */
export type RegionConfig = z.infer<typeof regionConfigSchema>;

/** Validates raw data; throws one error listing every bad field as `path.to.field: message`. */
export function parseRegionConfig(raw: unknown, source = 'region config'): RegionConfig {
  const parsed = regionConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid ${source}:\n  ${lines.join('\n  ')}`);
}

export function loadRegionConfig(code = 'kempen'): RegionConfig {
  if (!/^[a-z0-9-]+$/.test(code)) throw new Error(`Invalid region code ${JSON.stringify(code)}`);
  const read = (file: string): unknown => {
    const url = fromRoot('server/region/data', code, file);
    try {
      return JSON.parse(readFileSync(url, 'utf8'));
    } catch (e) {
      throw new Error(`Cannot read region ${code}/${file}: ${(e as Error).message}`);
    }
  };
  const region = read('region.json') as Record<string, unknown>;
  const config = parseRegionConfig(
    { ...region, municipalities: read('municipalities.json') },
    `region config '${code}'`,
  );
  if (config.code !== code) throw new Error(`Region folder '${code}' holds region.json with code '${config.code}'`);
  const unknown = config.municipalities
    .map((m, i) => [m, i] as const)
    .filter(([m]) => !belgianMunicipality(m.nis))
    .map(([m, i]) => `municipalities.${i}.nis: ${m.nis} is not a Belgian municipality (since 2025)`);
  if (unknown.length) throw new Error(`Invalid region config '${code}':\n  ${unknown.join('\n  ')}`);
  return config;
}

/**
 * The regions shipped as data: every folder under data/ but the national list.
 * @public
 */
export const SHIPPED_REGIONS = ['kempen', 'boom-mechelen-lier'] as const;

/**
 * Several regions for one deployment, checked against each other: no municipality or permanence number in two
 * regions, neighbours that exist. Throws naming the region and the field.
 * @public
 */
export function loadRegionConfigs(codes: readonly string[]): RegionConfig[] {
  const configs = codes.map((c) => loadRegionConfig(c));
  const owner = new Map<string, string>();
  const numbers = new Map<string, string>();
  const problems: string[] = [];
  for (const c of configs) {
    c.municipalities.forEach((m, i) => {
      const other = owner.get(m.nis);
      if (other) problems.push(`${c.code}: municipalities.${i}.nis: ${m.nis} is already in region ${other}`);
      owner.set(m.nis, c.code);
    });
    const other = numbers.get(c.permanenceNumber);
    if (other) problems.push(`${c.code}: permanenceNumber: ${c.permanenceNumber} is already region ${other}'s`);
    numbers.set(c.permanenceNumber, c.code);
  }
  for (const c of configs)
    c.neighbours.forEach((n, i) => {
      if (!configs.some((o) => o.code === n.region) && !(SHIPPED_REGIONS as readonly string[]).includes(n.region))
        problems.push(`${c.code}: neighbours.${i}.region: unknown region ${n.region}`);
    });
  if (problems.length) throw new Error(`Invalid regions:\n  ${problems.join('\n  ')}`);
  return configs;
}
