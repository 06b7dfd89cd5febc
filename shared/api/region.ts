// The region, its municipalities, and the Belgian municipality search.
import { z } from 'zod';

/** @public */
export const municipalitySearchQuery = z.strictObject({ q: z.string().trim().min(1).max(80) });

/** @public */
export const municipalitySearchAnswer = z.object({
  municipalities: z.array(z.object({ nis: z.string(), name: z.string(), ocmw: z.string(), served: z.boolean() })),
});

/** @public */
export const municipalitySchema = z.object({
  nis: z.string(),
  name: z.string(),
  population: z.number(),
  postcodes: z.string(),
  eerstelijnszone: z.string(),
  policeZone: z.string(),
  /** Solidarity target: 1 place per 10,000 inhabitants. */
  placesTarget: z.number(),
  placesBrought: z.number(),
});
/** @public */
export type Municipality = z.output<typeof municipalitySchema>;

/** @public */
export const regionAnswer = z.object({
  region: z.object({ code: z.string(), name: z.string(), timezone: z.string() }),
  /** Every region the user may look at (the console's switch when there are several), with its permanence number. */
  regions: z.array(z.object({ code: z.string(), name: z.string(), permanenceNumber: z.string().nullable() })),
  municipalities: z.array(municipalitySchema),
  /** Whether this deployment may store national register numbers, and how long personal data stay. */
  privacy: z.object({ storeRrn: z.boolean(), retentionDays: z.number() }),
});
/** @public */
export type RegionAnswer = z.output<typeof regionAnswer>;
