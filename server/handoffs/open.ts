// The handoff's owner opens it: the guarantee to the competent OCMW, the handoff due at its next opening,
// and the handoff's first event, inside the placement's transaction (intake/intake.commands.ts).
import type { CompetenceDecision } from '../../shared/rules/competence';
import type { GuaranteeTerms } from '../../shared/rules/intake/guarantee';
import type { Executor } from '../db/schema';
import type { Services } from '../services';
import { rolesWith, scope } from '../policies';

/**
 * A handoff changed. The event goes where the handoff is listed (handoffs.queries.ts, issue 15): the desks of
 * the region of its place and of the region of its OCMW, and the staff of its OCMW wherever they look; also the
 * desk of its intake's region, whose intake page shows it (a hold on a neighbour's place). After a
 * forward, `previousOcmw` names the OCMW it left: its staff and its region's desk refetch too, so it leaves
 * their lists. Read after the commit; if that read fails, every console of the roles hears it (ids only, each
 * refetches its own list), as before issue 15.
 * @public
 */
export async function announceHandoffs(services: Services, id: string, previousOcmw?: string): Promise<void> {
  const roles = rolesWith('handoffs.read');
  try {
    const rows = await services.db
      .selectFrom('handoffs')
      .innerJoin('intakes', 'intakes.id', 'handoffs.intake_id')
      .leftJoin('municipalities', 'municipalities.nis', 'handoffs.ocmw_nis')
      .leftJoin('guarantees', 'guarantees.intake_id', 'handoffs.intake_id')
      .leftJoin('places', 'places.id', 'guarantees.place_id')
      .select([
        'handoffs.ocmw_nis',
        'intakes.region_code as intakeRegion',
        'municipalities.region_code as ocmwRegion',
        'places.region_code as placeRegion',
      ])
      .where('handoffs.id', '=', id)
      .execute();
    const ocmws = new Set(rows.map((r) => r.ocmw_nis));
    const regions = new Set(rows.flatMap((r) => [r.intakeRegion, r.ocmwRegion, r.placeRegion]));
    if (previousOcmw && !ocmws.has(previousOcmw)) {
      ocmws.add(previousOcmw);
      const left = await services.db
        .selectFrom('municipalities')
        .select('region_code')
        .where('nis', '=', previousOcmw)
        .executeTakeFirst();
      regions.add(left?.region_code ?? null);
    }
    // The desk (a role whose scope is all municipalities) by region; OCMW staff by their OCMW's room.
    const desk = roles.filter((role) => scope({ role, municipalities: [] }) === null);
    const served = [...regions].filter((r): r is string => r !== null); // an OCMW outside the regions: none
    services.realtime.publishToRegion(served, 'handoffs:changed', { id }, desk, [...ocmws]);
  } catch (err) {
    services.logger.warn({ err }, 'handoff regions could not be read; announcing to every region');
    services.realtime.publish('handoffs:changed', { id }, roles);
  }
}

export interface NewHandoff {
  intakeId: string;
  hold: { id: string; place_id: string };
  decision: Pick<CompetenceDecision, 'nis' | 'rule'>;
  terms: GuaranteeTerms;
  userId: string;
  now: Date;
}

/**
 * Writes the guarantee, the handoff and its 'created' event; returns the handoff's id.
 * @public
 */
export async function openHandoff(trx: Executor, h: NewHandoff): Promise<string> {
  const { intakeId, hold, decision, terms, userId, now } = h;
  await trx
    .insertInto('guarantees')
    .values({
      intake_id: intakeId,
      hold_id: hold.id,
      place_id: hold.place_id,
      ocmw_nis: decision.nis,
      first_night: terms.firstNight,
      nights: terms.nights,
      cost_per_night_cents: terms.costPerNightCents,
      total_cents: terms.totalCents,
      created_by: userId,
      created_at: now,
    })
    .execute();
  const handoff = await trx
    .insertInto('handoffs')
    .values({
      intake_id: intakeId,
      ocmw_nis: decision.nis,
      due_at: terms.dueAt,
      received_at: terms.dueAt,
      status: 'open',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('handoff_events')
    .values({
      handoff_id: handoff.id,
      at: now,
      user_id: userId,
      kind: 'created',
      ocmw_nis: decision.nis,
      detail: JSON.stringify({ dueAt: terms.dueAt, nights: terms.nights, rule: decision.rule }),
    })
    .execute();
  return handoff.id;
}
