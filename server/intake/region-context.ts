// What the intake rules need from the region: municipality names (every Belgian one, since the
// competent OCMW may be anywhere), OCMW calendars and the regional agreements. Small tables (565
// rows), read fresh each time so an edit in the region data takes effect without a restart.
import type { Kysely, Transaction } from 'kysely';
import type { Calendar } from '../../shared/rules/calendar-schema';
import type { Agreement } from '../../shared/rules/competence';
import type { Database } from '../db/schema';
import { badRequest } from '../http/errors';
import { regionSettings } from '../region/settings';
import { say } from '../../shared/rules/say';
import { closestMunicipalities, localName, municipalityByName } from '../region/belgium';

type Db = Kysely<Database> | Transaction<Database>;

export interface RegionContext {
  name: (nis: string) => string;
  has: (nis: string) => boolean;
  agreements: Agreement[];
  escalateAfterHours: number;
}

/**
 * The context of one region's desk: its agreements and escalation delay (issue 15: each region has its
 * own); without a code, the first region's. The municipalities are every Belgian one, whatever the region.
 * @public
 */
export async function regionContext(db: Db, region?: string | null): Promise<RegionContext> {
  const [rows, settings] = await Promise.all([
    db.selectFrom('municipalities').select(['nis', 'name']).execute(),
    regionSettings(db, region),
  ]);
  const names = new Map(rows.map((r) => [r.nis, r.name]));
  return {
    name: (nis) => names.get(nis) ?? nis,
    has: (nis) => names.has(nis),
    agreements: settings.competence?.agreements ?? [],
    escalateAfterHours: settings.handoffs?.escalateAfterHours ?? 2,
  };
}

/**
 * Resolves each named municipality (a NIS code, or a name as typed) to a NIS code the desk knows:
 * every Belgian municipality. Anything else is refused before anything is written, naming the field
 * and, for a typed name, the closest names. Returns path -> NIS.
 * @public
 */
export function resolveMunicipalities(
  ctx: RegionContext,
  fields: { path: string; nis: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  const issues: { path: string; message: string; suggestions?: { nis: string; name: string }[] }[] = [];
  for (const f of fields) {
    const path = `body.${f.path}`;
    if (/^\d{5}$/.test(f.nis)) {
      if (ctx.has(f.nis)) out.set(f.path, f.nis);
      else
        issues.push({
          path,
          message: say(
            `onbekende NIS-code ${f.nis}: geen Belgische gemeente (sinds 1 januari 2025)`,
            `unknown NIS code ${f.nis}: not a Belgian municipality (since 1 January 2025)`,
          ),
        });
      continue;
    }
    const hit = municipalityByName(f.nis);
    if (hit && ctx.has(hit.nis)) {
      out.set(f.path, hit.nis);
      continue;
    }
    const suggestions = closestMunicipalities(f.nis).map((m) => ({ nis: m.nis, name: localName(m) }));
    const near = suggestions.map((m) => `${m.name} (${m.nis})`).join(', ');
    issues.push({
      path,
      suggestions,
      message: say(
        `geen Belgische gemeente heet "${f.nis}"; bedoel je ${near}?`,
        `no Belgian municipality is called "${f.nis}"; did you mean ${near}?`,
      ),
    });
  }
  if (issues.length === 0) return out;
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw badRequest(say(`Ongeldige aanvraag: ${summary}`, `Invalid request: ${summary}`), { issues });
}

/** A copy of the facts with each named municipality replaced by its resolved NIS code. */
export function withResolved<T extends object>(facts: T, resolved: Map<string, string>, prefix = ''): T {
  const copy = structuredClone(facts) as Record<string, unknown>;
  for (const [path, nis] of resolved) {
    if (!path.startsWith(prefix)) continue;
    const keys = path.slice(prefix.length).split('.');
    let node = copy;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys.at(-1)!] = nis;
  }
  return copy as T;
}

/** @public */
export async function ocmwOf(
  db: Db,
  nis: string,
): Promise<{ nis: string; name: string; calendar: Calendar; contactMobile: string | null }> {
  const row = await db
    .selectFrom('ocmws')
    .select(['municipality_nis', 'name', 'calendar', 'contact_mobile'])
    .where('municipality_nis', '=', nis)
    .executeTakeFirstOrThrow();
  return {
    nis: row.municipality_nis,
    name: row.name,
    calendar: row.calendar as Calendar,
    contactMobile: row.contact_mobile,
  };
}
