// The region's settings, read in one place and typed by the same schema that checks region.json: office
// hours, the CAW's day number, and the rota, board, handoff and competence rules. Every capability asks
// here instead of reading the regions table itself.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Calendar } from '../../shared/rules/calendar-schema';
import type { Database } from '../db/schema';
import { neighboursSchema, regionObjectSchema } from './region-config';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What the demo seed and the region import store in `regions.settings`. Each part is optional (a desk with no
 * region yet has none); keys this schema does not know are kept, so a newer setting is never dropped by an
 * older reader.
 */
export const regionSettingsSchema = regionObjectSchema
  .pick({
    officeHours: true,
    permanenceNumber: true,
    dayNumber: true,
    rota: true,
    board: true,
    handoffs: true,
    competence: true,
  })
  .extend({ neighbours: neighboursSchema.optional() })
  .partial()
  .loose();

export type RegionSettings = z.infer<typeof regionSettingsSchema>;

/**
 * A region's settings, checked: a broken row fails loudly, here. Without a code: the first region's (what a caller
 * not yet scoped to a region gets; every capability that is scoped passes the user's or the call's region).
 * @public
 */
export async function regionSettings(db: Db, code?: string | null): Promise<RegionSettings> {
  let query = db.selectFrom('regions').select(['code', 'settings']).orderBy('position').orderBy('code');
  if (code) query = query.where('code', '=', code);
  const region = await query.executeTakeFirst();
  const parsed = regionSettingsSchema.safeParse(region?.settings ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`The settings stored for region ${region?.code} do not match region.json's schema (${where}).`);
  }
  return parsed.data;
}

/**
 * The region's office hours. With no region yet every hour is out of hours: the line then always rings the rota.
 * @public
 */
export async function regionCalendar(db: Db, code?: string | null): Promise<Calendar> {
  return (await regionSettings(db, code)).officeHours ?? { hours: {} };
}

/**
 * How a referrer or an OCMW reaches a region's desk: the region's name and number. The number is the region's
 * permanence number (the line Twilio routes to that region's rota, day and night); a region whose data name none
 * falls back on TWILIO_PHONE_NUMBER (a one-region deployment), then on the CAW's day number. Each region's own:
 * with several regions TWILIO_PHONE_NUMBER reaches the first region only.
 * @public
 */
export async function regionDesk(
  db: Db,
  code: string,
  twilioNumber: string | null,
): Promise<{ name: string | null; number: string | null }> {
  const [row, settings] = await Promise.all([
    db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst(),
    regionSettings(db, code),
  ]);
  return { name: row?.name ?? null, number: settings.permanenceNumber ?? twilioNumber ?? settings.dayNumber ?? null };
}
