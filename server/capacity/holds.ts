// Holding, extending, placing, releasing and ending. The database decides who gets the last unit
// (see migration 005); this code picks a unit, and on a unique violation looks again, so with two
// units left three racers still get two holds, and for the last unit exactly one wins.
import { regionOf } from '../region/scope';
import { holdsAgreed } from './solidarity';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { nightOf } from '../../shared/rules/night';
import { SUIT_TAG_NL, unmetNeeds, type Household } from '../../shared/rules/suitability';
import { audit } from '../audit/audit';
import type { AuthUser } from '../auth/session';
import type { Executor } from '../db/schema';
import { conflict, forbidden, HttpError, notFound } from '../http/errors';
import type { Services } from '../services';
import { announceBoard, expireDueHolds } from './expiry';
import { firstFreeUnit, isUniqueViolation, takenUnits, unitsTonight } from './units';
import { say } from '../../shared/rules/say';
import { queueReferrerUpdatesForHolds } from '../referrer/confirmation';

export const DEFAULT_HOLD_MINUTES = 60;
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Brussels' }).toFormat('HH:mm');

export interface NewHold {
  placeId: string;
  initials: string;
  household: Household;
  minutes?: number;
  overrideReason?: string;
}

export interface HeldUnit {
  id: string;
  placeId: string;
  unit: number;
  expiresAt: string;
}

/** Holds a place from the board: its own transaction, then the board is told. */
export async function createHold(services: Services, user: AuthUser, body: NewHold): Promise<HeldUnit> {
  await expireDueHolds(services, body.placeId); // before the transaction: expiry runs one of its own
  const hold = await services.db.transaction().execute((trx) => insertHold(trx, services.clock.now(), user, body));
  announceBoard(services, hold.placeId);
  return hold;
}

/**
 * Takes a free unit of the place for tonight inside the caller's transaction, so a flow (holding for an
 * intake) keeps the hold only if the rest of it commits. The caller expires due holds first and tells the
 * board after its commit. A unit taken by a racer a moment ago (unique violation) is given up to a
 * savepoint, and the next free unit is tried.
 * @public
 */
export async function insertHold(trx: Executor, now: Date, user: AuthUser, body: NewHold): Promise<HeldUnit> {
  const place = await trx
    .selectFrom('places')
    .select(['id', 'name', 'type', 'capacity', 'suits', 'region_code'])
    .where('id', '=', body.placeId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!place)
    throw notFound(
      say('Deze plaats bestaat niet (of is niet meer in gebruik).', 'No such place (or it is no longer in use).'),
    );
  // Another region's place only where both regions agreed to holds across (issue 15 part 4).
  const region = regionOf(user);
  if (place.region_code !== region && !(await holdsAgreed(trx, region, place.region_code))) {
    const other = await trx
      .selectFrom('regions')
      .select('name')
      .where('code', '=', place.region_code)
      .executeTakeFirst();
    throw forbidden(
      say(
        `${place.name} hoort bij regio ${other?.name ?? place.region_code}; er is geen afspraak om daar plaatsen vast te houden. Bel de plaats.`,
        `${place.name} belongs to region ${other?.name ?? place.region_code}; there is no agreement to hold places there. Ring the place.`,
      ),
    );
  }
  const unmet = unmetNeeds(place.suits, body.household);
  if (unmet.length && !body.overrideReason) {
    throw new HttpError(
      422,
      say(
        `${place.name} past niet bij dit huishouden: geen ${unmet.map((u) => SUIT_TAG_NL[u]).join(', ')}. Kies een andere plaats, of geef een reden om ze toch vast te houden.`,
        `${place.name} does not suit this household: it does not take ${unmet.join(', ')}. Choose another place, or give a reason to hold it anyway.`,
      ),
      { unmet },
    );
  }
  const night = nightOf(now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const units = await unitsTonight(trx, place, night);
    const unit = firstFreeUnit(units, await takenUnits(trx, place.id));
    if (unit === null)
      throw conflict(
        say(`${place.name} heeft vannacht geen vrije plaats meer.`, `${place.name} has no free place left tonight.`),
        { reason: 'full' },
      );
    await sql`savepoint take_unit`.execute(trx);
    let hold: { id: string; expires_at: Date | string };
    try {
      hold = await trx
        .insertInto('holds')
        .values({
          place_id: place.id,
          unit_no: unit,
          night,
          initials: body.initials,
          household: JSON.stringify(body.household),
          status: 'held',
          expires_at: new Date(now.getTime() + (body.minutes ?? DEFAULT_HOLD_MINUTES) * 60_000),
          override_reason: unmet.length ? body.overrideReason! : null,
          created_by: user.id,
          created_at: now,
          updated_at: now,
          region_code: region,
        })
        .returning(['id', 'expires_at'])
        .executeTakeFirstOrThrow();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await sql`rollback to savepoint take_unit`.execute(trx); // someone took this unit a moment ago: look again
      continue;
    }
    await sql`release savepoint take_unit`.execute(trx);
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'create',
      subjectType: 'hold',
      subjectId: hold.id,
      detail: unmet.length ? { override: body.overrideReason, unmet } : undefined,
    });
    return { id: hold.id, placeId: place.id, unit, expiresAt: new Date(hold.expires_at).toISOString() };
  }
  throw conflict(
    say(
      `${place.name} werd net door een collega ingenomen. Kies een andere plaats.`,
      `${place.name} was just taken by a colleague. Choose another place.`,
    ),
    { reason: 'taken' },
  );
}

/**
 * Whether the user's current region may act on a hold (extend, release, check out, adopt it into an intake): a hold on
 * one of the region's own places, or one this region's desk made on a neighbour's place (holds.region_code; as the
 * board's heldAtNeighbours). Any other region's hold is not the worker's to change: the routes answer 404, as for
 * another region's place.
 * @public
 */
export async function holdInReach(
  db: Executor,
  user: AuthUser,
  hold: { place_id: string; region_code: string | null },
): Promise<boolean> {
  const region = regionOf(user);
  if (hold.region_code === region) return true;
  const place = await db.selectFrom('places').select('region_code').where('id', '=', hold.place_id).executeTakeFirst();
  return place?.region_code === region;
}

/**
 * The one step from held to placed, inside the placement's transaction. A hold that expired or was
 * released meanwhile is refused, and the whole placement with it.
 * @public
 */
export async function markHoldPlaced(trx: Executor, holdId: string, now: Date) {
  const hold = await trx
    .updateTable('holds')
    .set({ status: 'placed', placed_at: now, updated_at: now })
    .where('id', '=', holdId)
    .where('status', '=', 'held')
    .returning(['id', 'place_id'])
    .executeTakeFirst();
  if (!hold)
    throw conflict(
      say(
        'De vasthouding voor deze persoon is verlopen of vrijgegeven; hou opnieuw een plaats vast.',
        'The hold for this person expired or was released; hold a place again.',
      ),
    );
  return hold;
}

type Action = 'extend' | 'place' | 'release' | 'end';
const FROM: Record<Action, 'held' | 'placed'> = { extend: 'held', place: 'held', release: 'held', end: 'placed' };
const HOLD_STATUS_NL: Record<string, string> = {
  held: 'vastgehouden',
  placed: 'al een plaatsing',
  released: 'vrijgegeven',
  expired: 'verlopen',
  ended: 'beëindigd',
};
const ACTION_NL: Record<Action, string> = {
  extend: 'verlengen',
  place: 'plaatsen',
  release: 'vrijgeven',
  end: 'beëindigen',
};

export async function changeHold(
  services: Services,
  user: AuthUser,
  id: string,
  action: Action,
  extra: { minutes?: number; reason?: string } = {},
) {
  const { db, clock } = services;
  await expireDueHolds(services);
  const now = clock.now();
  const hold = await db.selectFrom('holds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!hold || !(await holdInReach(db, user, hold)))
    throw notFound(say('Deze vasthouding bestaat niet.', 'No such hold.'));
  if (hold.status === 'expired')
    throw conflict(
      say(
        `Deze vasthouding verliep om ${local(hold.expires_at)}; hou de plaats opnieuw vast als ze nog vrij is.`,
        `This hold expired at ${local(hold.expires_at)}; hold the place again if it is still free.`,
      ),
      { reason: 'expired' },
    );
  if (hold.status !== FROM[action])
    throw conflict(
      say(
        `Deze vasthouding is ${HOLD_STATUS_NL[hold.status]}; ${ACTION_NL[action]} kan nu niet meer.`,
        `This hold is ${hold.status}; it cannot be ${action === 'end' ? 'ended' : `${action}d`} now.`,
      ),
    );
  // A placement always reaches the OCMW: "arrived" goes through the intake (guarantee and handoff
  // in one transaction, POST /api/intakes/:id/place), never straight from a board hold.
  if (action === 'place')
    throw conflict(
      say(
        'Vul eerst de aanmelding in voor deze persoon: de plaatsing maakt de borg en de overdracht aan het OCMW.',
        'Fill in the intake for this person first: the placement makes the guarantee and the handoff to the OCMW.',
      ),
      { reason: 'intake_required' },
    );
  const set =
    action === 'extend'
      ? {
          expires_at: new Date(Math.max(now.getTime(), new Date(hold.expires_at).getTime()) + extra.minutes! * 60_000),
          extensions: JSON.stringify([
            ...hold.extensions,
            { at: now.toISOString(), by: user.id, minutes: extra.minutes!, reason: extra.reason! },
          ]),
        }
      : { status: (action === 'release' ? 'released' : 'ended') as 'released' | 'ended', closed_at: now };
  // The change, its audit and (on release) the referrer's update commit together.
  const { updated, announceIntakes } = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('holds')
      .set({ ...set, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', FROM[action])
      .returning(['id', 'status', 'expires_at'])
      .executeTakeFirst();
    if (!row)
      throw conflict(
        say(
          'Deze vasthouding is net gewijzigd; kijk opnieuw naar het bord.',
          'This hold changed a moment ago; look at the board again.',
        ),
      );
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'hold',
      subjectId: id,
      detail: { action, ...extra },
    });
    const announce =
      action === 'release' ? await queueReferrerUpdatesForHolds(services, trx, [id], 'released') : () => {};
    return { updated: row, announceIntakes: announce };
  });
  announceIntakes();
  announceBoard(services, hold.place_id);
  return { id, status: updated.status, expiresAt: new Date(updated.expires_at).toISOString() };
}
