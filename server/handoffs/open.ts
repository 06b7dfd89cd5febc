// The handoff's owner opens it: the guarantee to the competent OCMW, the handoff due at its next opening,
// and the handoff's first event, inside the placement's transaction (intake/intake.commands.ts).
import type { CompetenceDecision } from '../../shared/rules/competence';
import type { GuaranteeTerms } from '../../shared/rules/intake/guarantee';
import type { Executor } from '../db/schema';
import type { Services } from '../services';
import { rolesWith } from '../policies';

/** @public */
export function announceHandoffs(services: Services, id: string) {
  services.realtime.publish('handoffs:changed', { id }, rolesWith('handoffs.read'));
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
