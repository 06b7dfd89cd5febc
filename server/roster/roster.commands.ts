// Changes to the rota. Each runs in a transaction that first locks the region row, so two
// coordinators (or two instances) cannot both insert overlapping overrides or swaps.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { validateOverride, validateRotation, validateSwap } from '../../shared/rules/rota';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { AuthUser } from '../auth/session';
import type { Services } from '../services';
import { loadOverrides, loadSwaps } from './roster.queries';
import { refreshLastKnownRota } from '../telephony/voice/keep-fresh';
import type { overrideBody, rotationBody, swapBody } from './roster.schema';
import { say } from '../../shared/rules/say';
import { regionOf } from '../region/scope';
import { can, rolesWith } from '../policies';

type Trx = Transaction<Database>;

// The lock is the region's row: two regions' rotas change independently.
async function inRotaLock<T>(
  services: Services,
  region: string,
  work: (trx: Trx, region: string) => Promise<T>,
): Promise<T> {
  const result = await services.db.transaction().execute(async (trx) => {
    await trx.selectFrom('regions').select('code').where('code', '=', region).forUpdate().execute();
    return work(trx, region);
  });
  await refreshLastKnownRota(services); // the phone line rings the new rota from the next call on
  // Only the consoles looking at this region show its rota and who is on duty (issue 15).
  const at = services.clock.now().toISOString();
  services.realtime.publishToRegion(region, 'rota:changed', { at }, rolesWith('rota.now'));
  return result;
}

/** Everyone named must be active staff of the region whose rota this is. */
async function assertStaff(trx: Trx, ids: string[], region: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return; // an override with nobody names no one
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_regions', 'user_regions.user_id', 'users.id')
    .select('users.id as id')
    .where('user_regions.region_code', '=', region)
    .where('id', 'in', unique)
    .where('active', '=', true)
    .where('role', '!=', 'ocmw_staff')
    .execute();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length)
    throw badRequest(
      say(
        `Ongeldige aanvraag: onbekende of inactieve medewerker ${missing.join(', ')}`,
        `Invalid request: unknown or inactive staff member ${missing.join(', ')}`,
      ),
    );
}

const check = (message: string | null) => {
  if (message) throw conflict(message);
};

// The calculator names the other override by id; a person needs its holder and times to act on it.
async function explainOverlap(
  trx: Trx,
  problem: string,
  existing: { id: string; userId: string | null }[],
): Promise<string> {
  const hit = existing.find((o) => problem.includes(o.id));
  if (!hit) return problem;
  const user = hit.userId
    ? await trx.selectFrom('users').select('display_name').where('id', '=', hit.userId).executeTakeFirst()
    : undefined;
  const name = hit.userId ? (user?.display_name ?? '?') : say('niemand (lijn leeg)', 'nobody (line left empty)');
  // The id stands after "vervanging"/"override" in both halves of the sentence.
  const named = problem
    .replace(`vervanging ${hit.id}`, `vervanging van ${name}`)
    .replace(`override ${hit.id}`, `override of ${name}`);
  return say(`${named}: maak die eerst korter of verwijder ze.`, `${named}: shorten or remove that one first.`);
}

export function saveRotation(services: Services, user: AuthUser, body: z.output<typeof rotationBody>, id?: string) {
  return inRotaLock(services, regionOf(user), async (trx, region) => {
    await assertStaff(trx, body.members, region);
    const rotation = { id: id ?? 'new', ...body, endDate: body.endDate ?? null };
    const problem = validateRotation(rotation);
    if (problem) throw badRequest(say(`Ongeldige aanvraag: ${problem}`, `Invalid request: ${problem}`));
    const values = {
      name: body.name,
      slot: body.slot,
      members: JSON.stringify(body.members),
      start_date: body.startDate,
      handover_time: body.handoverTime,
      every_unit: body.every.unit,
      every_count: body.every.count,
      end_date: body.endDate ?? null,
      position: body.position ?? 0,
    };
    const now = services.clock.now();
    const saved = id
      ? await trx
          .updateTable('rota_rotations')
          .set(values)
          .where('id', '=', id)
          .where('region_code', '=', region)
          .returning('id')
          .executeTakeFirst()
      : await trx
          .insertInto('rota_rotations')
          .values({ ...values, region_code: region, created_at: now })
          .returning('id')
          .executeTakeFirst();
    if (!saved) throw notFound(say('Deze beurtrol bestaat niet.', 'No such rotation.'));
    await audit(trx, {
      at: now,
      userId: user.id,
      action: id ? 'update' : 'create',
      subjectType: 'rotation',
      subjectId: saved.id,
    });
    return { id: saved.id };
  });
}

export function createOverride(services: Services, user: AuthUser, body: z.output<typeof overrideBody>) {
  return inRotaLock(services, regionOf(user), async (trx, region) => {
    await assertStaff(
      trx,
      [...(body.userId ? [body.userId] : []), ...(body.replacesUserId ? [body.replacesUserId] : [])],
      region,
    );
    const existing = await loadOverrides(trx, region);
    const problem = validateOverride(existing, { id: 'new', ...body });
    if (problem) throw conflict(await explainOverlap(trx, problem, existing));
    const now = services.clock.now();
    const row = await trx
      .insertInto('rota_overrides')
      .values({
        region_code: region,
        slot: body.slot,
        user_id: body.userId,
        replaces_user_id: body.replacesUserId ?? null,
        start_at: body.start,
        end_at: body.end,
        reason: body.reason ?? null,
        created_by: user.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { at: now, userId: user.id, action: 'create', subjectType: 'override', subjectId: row.id });
    return { id: row.id };
  });
}

export function deleteRow(services: Services, user: AuthUser, table: 'rota_overrides' | 'rota_rotations', id: string) {
  return inRotaLock(services, regionOf(user), async (trx, region) => {
    const gone = await trx
      .deleteFrom(table)
      .where('id', '=', id)
      .where('region_code', '=', region)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw notFound();
    await audit(trx, {
      at: services.clock.now(),
      userId: user.id,
      action: 'delete',
      subjectType: table,
      subjectId: id,
    });
  });
}

export function requestSwap(services: Services, user: AuthUser, body: z.output<typeof swapBody>) {
  // Only a lead (who changes the rota anyway) may offer someone else's shift.
  if (!can(user, 'rota.change') && body.fromUserId !== user.id) {
    throw forbidden(
      say(
        'Een permanentiemedewerker kan alleen de eigen diensten ruilen; vraag andere wijzigingen aan de coördinator.',
        'A duty worker can only offer their own shifts; ask the coordinator for other changes.',
      ),
    );
  }
  return inRotaLock(services, regionOf(user), async (trx, region) => {
    await assertStaff(trx, [body.fromUserId, body.toUserId], region);
    const now = services.clock.now();
    const row = await trx
      .insertInto('rota_swaps')
      .values({
        region_code: region,
        slot: body.slot,
        from_user_id: body.fromUserId,
        to_user_id: body.toUserId,
        start_at: body.start,
        end_at: body.end,
        status: 'requested',
        note: body.note ?? null,
        requested_by: user.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { at: now, userId: user.id, action: 'create', subjectType: 'swap', subjectId: row.id });
    return { id: row.id, status: 'requested' as const };
  });
}

type Decision = 'accepted' | 'rejected' | 'cancelled';
const SWAP_STATUS_NL: Record<string, string> = {
  accepted: 'aanvaard',
  rejected: 'geweigerd',
  cancelled: 'geannuleerd',
};

export function decideSwap(services: Services, user: AuthUser, id: string, decision: Decision) {
  return inRotaLock(services, regionOf(user), async (trx, region) => {
    const swap = await trx
      .selectFrom('rota_swaps')
      .selectAll()
      .where('id', '=', id)
      .where('region_code', '=', region)
      .executeTakeFirst();
    if (!swap) throw notFound(say('Dit ruilverzoek bestaat niet.', 'No such swap.'));
    if (swap.status !== 'requested')
      throw conflict(
        say(
          `Dit ruilverzoek is al ${SWAP_STATUS_NL[swap.status] ?? swap.status}.`,
          `This swap is already ${swap.status}.`,
        ),
      );
    const lead = can(user, 'rota.change');
    const allowed =
      decision === 'cancelled' ? swap.requested_by === user.id || lead : swap.to_user_id === user.id || lead;
    if (!allowed)
      throw forbidden(
        decision === 'cancelled'
          ? say(
              'Alleen wie de ruil vroeg, of de coördinator, kan hem annuleren.',
              'Only who asked for the swap, or the coordinator, can cancel it.',
            )
          : say(
              'Alleen de gevraagde collega, of de coördinator, kan op deze ruil antwoorden.',
              'Only the colleague who is asked, or the coordinator, can answer this swap.',
            ),
      );
    if (decision === 'accepted') {
      const swaps = await loadSwaps(trx, region);
      const candidate = swaps.find((s) => s.id === id)!;
      check(
        validateSwap(
          swaps.filter((s) => s.id !== id),
          { ...candidate, status: 'accepted' },
        ),
      );
    }
    const now = services.clock.now();
    await trx
      .updateTable('rota_swaps')
      .set({ status: decision, decided_by: user.id, decided_at: now })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      at: now,
      userId: user.id,
      action: 'update',
      subjectType: 'swap',
      subjectId: id,
      detail: { status: decision },
    });
    return { id, status: decision };
  });
}
