// What the OCMW does with a handoff: acknowledge it (who, when), record the follow-up, forward it to
// the competent OCMW within 5 calendar days with a reason, and close it. Each step is a conditional
// update plus an event row in one transaction, so a double click or a second instance changes nothing twice.
import { nextOpening } from '../../shared/rules/office-hours';
import { addDays, localDate } from '../../shared/rules/wall-clock';
import { audit } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import type { Transaction } from 'kysely';
import type { Database, HandoffEventKind, HandoffStatus } from '../db/schema';
import { conflict, forbidden, notFound } from '../http/errors';
import { setCompetentMunicipality } from '../intake/intake.state';
import { announceHandoffs } from './open';
import { ocmwOf, regionContext, resolveMunicipalities } from '../intake/region-context';
import type { Services } from '../services';
import { inScope, scope } from '../policies';
import { regionOf } from '../region/scope';
import { say } from '../../shared/rules/say';

import { FOLLOW_UPS } from '../../shared/api/handoffs';

export { FOLLOW_UPS };
export type FollowUp = (typeof FOLLOW_UPS)[number];
/** An OCMW that thinks it is not competent must forward the case in writing within 5 calendar days. */
export const FORWARD_WITHIN_DAYS = 5;

/** The handoff, whatever its OCMW: only where the caller has already been authorised for it. */
export async function findHandoff(services: Services, id: string) {
  const h = await services.db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) throw notFound(say('Deze overdracht bestaat niet.', 'No such handoff.'));
  return h;
}

/**
 * The handoff, if the user may see it: OCMW staff the handoffs to their OCMW (from any region); the desk those its
 * region's list shows (its own intakes', those placed on its places, those to one of its OCMWs). Another region's
 * handoff is 404 to the desk, as another region's intake, and nothing is done to it.
 * @public
 */
export async function handoffInScope(services: Services, user: AuthUser, id: string) {
  const h = await findHandoff(services, id);
  if (!inScope(user, h.ocmw_nis))
    throw forbidden(say('Deze overdracht is voor een ander OCMW.', 'This handoff is for another OCMW.'));
  if (scope(user) === null && !(await inRegionsList(services, id, regionOf(user))))
    throw notFound(say('Deze overdracht bestaat niet.', 'No such handoff.'));
  return h;
}

/** Whether the region's desk lists the handoff (as handoffs.queries.ts `listHandoffs`). */
async function inRegionsList(services: Services, id: string, region: string): Promise<boolean> {
  const row = await services.db
    .selectFrom('handoffs')
    .innerJoin('intakes', 'intakes.id', 'handoffs.intake_id')
    .leftJoin('municipalities', 'municipalities.nis', 'handoffs.ocmw_nis')
    .leftJoin('guarantees', 'guarantees.intake_id', 'intakes.id')
    .leftJoin('places', 'places.id', 'guarantees.place_id')
    .select('handoffs.id')
    .where('handoffs.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('intakes.region_code', '=', region),
        eb('places.region_code', '=', region),
        eb('municipalities.region_code', '=', region),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function step(
  services: Services,
  user: AuthUser,
  id: string,
  from: HandoffStatus[],
  set: Record<string, unknown>,
  kind: HandoffEventKind,
  detail: Record<string, unknown>,
  refuse: string,
  also?: (trx: Transaction<Database>, intakeId: string) => Promise<void>,
) {
  const { db, clock } = services;
  const now = clock.now();
  const h = await handoffInScope(services, user, id);
  if (!from.includes(h.status)) throw conflict(refuse);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('handoffs')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .where('ocmw_nis', '=', h.ocmw_nis)
      .returning('id')
      .executeTakeFirst();
    if (!done)
      throw conflict(
        say('Deze overdracht is net gewijzigd; kijk opnieuw.', 'This handoff changed a moment ago; look again.'),
      );
    await trx
      .insertInto('handoff_events')
      .values({
        handoff_id: id,
        at: now,
        user_id: user.id,
        kind,
        ocmw_nis: String(set.ocmw_nis ?? h.ocmw_nis),
        detail: JSON.stringify(detail),
      })
      .execute();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'intake',
      subjectId: h.intake_id,
      detail: { handoff: kind, ...detail },
    });
    await also?.(trx, h.intake_id);
  });
  await announceHandoffs(services, id, h.ocmw_nis); // after a forward, the OCMW it left hears it too
}

export function acknowledge(services: Services, user: AuthUser, id: string) {
  const now = services.clock.now();
  return step(
    services,
    user,
    id,
    ['open'],
    { status: 'acknowledged', acknowledged_at: now, acknowledged_by: user.id },
    'acknowledged',
    {},
    say('Deze overdracht is al bevestigd.', 'This handoff is already acknowledged.'),
  );
}

export function recordFollowUp(
  services: Services,
  user: AuthUser,
  id: string,
  body: { outcome: FollowUp; note?: string },
) {
  return step(
    services,
    user,
    id,
    ['acknowledged'],
    { outcome: body.outcome },
    'follow_up',
    body,
    say(
      'Bevestig de overdracht eerst; een afgesloten overdracht krijgt geen opvolging meer.',
      'Acknowledge the handoff first; a closed one takes no follow-up.',
    ),
  );
}

export function closeHandoff(services: Services, user: AuthUser, id: string, body: { note?: string }) {
  const now = services.clock.now();
  return step(
    services,
    user,
    id,
    ['acknowledged'],
    { status: 'closed', closed_at: now, closed_by: user.id },
    'closed',
    body,
    say('Alleen een bevestigde overdracht kan worden afgesloten.', 'Only an acknowledged handoff can be closed.'),
  );
}

export async function forward(services: Services, user: AuthUser, id: string, body: { toNis: string; reason: string }) {
  const { db, clock } = services;
  const now = clock.now();
  const h = await handoffInScope(services, user, id);
  resolveMunicipalities(await regionContext(db), [{ path: 'toNis', nis: body.toNis }]);
  if (body.toNis === h.ocmw_nis)
    throw conflict(say('De overdracht ligt al bij dit OCMW.', 'The handoff is already with this OCMW.'));
  const deadline = addDays(localDate(h.received_at), FORWARD_WITHIN_DAYS);
  if (localDate(now) > deadline) {
    throw conflict(
      say(
        `De ${FORWARD_WITHIN_DAYS} kalenderdagen om dit dossier door te sturen liepen af op ${deadline}; je OCMW volgt het op, of regelt het schriftelijk met het andere OCMW.`,
        `The ${FORWARD_WITHIN_DAYS} calendar days to forward this case ended on ${deadline}; your OCMW follows it up, or settles it with the other OCMW in writing.`,
      ),
    );
  }
  const target = await ocmwOf(db, body.toNis);
  const due = nextOpening(target.calendar, now).toJSDate();
  await step(
    services,
    user,
    id,
    ['open', 'acknowledged'],
    {
      ocmw_nis: body.toNis,
      status: 'open',
      due_at: due,
      received_at: now,
      acknowledged_at: null,
      acknowledged_by: null,
      escalated_at: null,
      digested_at: null,
      outcome: null,
    },
    'forwarded',
    { from: h.ocmw_nis, to: body.toNis, reason: body.reason },
    say('Een afgesloten overdracht kan niet worden doorgestuurd.', 'A closed handoff cannot be forwarded.'),
    async (trx, intakeId) => {
      // The guarantee and the intake follow the competent OCMW; the events keep where it has been.
      await trx.updateTable('guarantees').set({ ocmw_nis: body.toNis }).where('intake_id', '=', intakeId).execute();
      await setCompetentMunicipality(trx, intakeId, body.toNis, now);
    },
  );
}
