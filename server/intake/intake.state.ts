// The intake's own state changes, for flows that span capabilities (holding, placing, forwarding): each
// takes the flow's transaction, so the flow commits whole or not at all.
import type { CompetenceDecision } from '../../shared/rules/competence';
import type { Executor } from '../db/schema';

/** Links a hold to the intake if it is still in one of `from`; false when the intake changed meanwhile. */
export async function linkHold(
  trx: Executor,
  id: string,
  holdId: string,
  from: ('open' | 'held')[],
  now: Date,
): Promise<boolean> {
  const done = await trx
    .updateTable('intakes')
    .set({ hold_id: holdId, status: 'held', updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning('id')
    .executeTakeFirst();
  return done !== undefined;
}

/** The intake is placed, with the competence decision the guarantee and handoff were made for. */
export async function markIntakePlaced(trx: Executor, id: string, decision: CompetenceDecision, now: Date) {
  await trx
    .updateTable('intakes')
    .set({
      status: 'placed',
      competence: JSON.stringify(decision),
      competent_nis: decision.nis,
      competence_rule: decision.rule,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A forwarded handoff makes another OCMW competent; the intake follows it.
 * @public
 */
export async function setCompetentMunicipality(trx: Executor, id: string, nis: string, now: Date) {
  await trx.updateTable('intakes').set({ competent_nis: nis, updated_at: now }).where('id', '=', id).execute();
}
