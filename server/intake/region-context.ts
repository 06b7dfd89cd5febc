// What the intake rules need from the region: municipality names, OCMW calendars and the
// regional agreements. Small tables (27 rows for the Kempen), read fresh each time so an edit
// in the region data takes effect without a restart.
import type { Kysely, Transaction } from 'kysely';
import type { Calendar } from '../../shared/rules/calendar-schema';
import type { Agreement } from '../../shared/rules/competence';
import type { Database } from '../db/schema';
import { badRequest } from '../http/errors';
import { regionSettings } from '../roster/roster.queries';
import { say } from '../../shared/rules/say';

type Db = Kysely<Database> | Transaction<Database>;

export interface RegionContext {
  name: (nis: string) => string;
  has: (nis: string) => boolean;
  agreements: Agreement[];
  escalateAfterHours: number;
}

export async function regionContext(db: Db): Promise<RegionContext> {
  const [rows, settings] = await Promise.all([
    db.selectFrom('municipalities').select(['nis', 'name']).execute(),
    regionSettings(db),
  ]);
  const names = new Map(rows.map((r) => [r.nis, r.name]));
  return {
    name: (nis) => names.get(nis) ?? nis,
    has: (nis) => names.has(nis),
    agreements: settings.competence?.agreements ?? [],
    escalateAfterHours: settings.handoffs?.escalateAfterHours ?? 2,
  };
}

/** Refuses NIS codes the region does not know, naming the field, before anything is written. */
export function requireKnown(ctx: RegionContext, fields: { path: string; nis: string }[]): void {
  const unknown = fields.filter((f) => !ctx.has(f.nis));
  if (unknown.length === 0) return;
  const issues = unknown.map((f) => ({ path: `body.${f.path}`, message: say(`onbekende gemeente ${f.nis}: geen gemeente van de regio`, `unknown municipality ${f.nis}: not one of the region's municipalities`) }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw badRequest(say(`Ongeldige aanvraag: ${summary}`, `Invalid request: ${summary}`), { issues });
}

export async function ocmwOf(db: Db, nis: string): Promise<{ nis: string; name: string; calendar: Calendar; contactMobile: string | null }> {
  const row = await db.selectFrom('ocmws').select(['municipality_nis', 'name', 'calendar', 'contact_mobile'])
    .where('municipality_nis', '=', nis).executeTakeFirstOrThrow();
  return { nis: row.municipality_nis, name: row.name, calendar: row.calendar as Calendar, contactMobile: row.contact_mobile };
}
