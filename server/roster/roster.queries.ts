// Loads the rota from the database into the shape the pure calculator in shared/rules/rota takes.
import type { Kysely, Transaction } from 'kysely';
import type { Override, Rota, Rotation, Swap } from '../../shared/rules/rota';
import type { Database } from '../db/schema';
import { regionCalendar } from '../region/settings';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadRotations(db: Db, region: string): Promise<Rotation[]> {
  const rows = await db
    .selectFrom('rota_rotations')
    .selectAll()
    .where('region_code', '=', region)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    slot: r.slot,
    members: r.members,
    startDate: r.start_date,
    handoverTime: r.handover_time,
    every: { unit: r.every_unit, count: r.every_count },
    endDate: r.end_date,
  }));
}

export async function loadOverrides(db: Db, region: string): Promise<Override[]> {
  const rows = await db
    .selectFrom('rota_overrides')
    .selectAll()
    .where('region_code', '=', region)
    .orderBy('start_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slot: r.slot,
    userId: r.user_id,
    replacesUserId: r.replaces_user_id,
    start: new Date(r.start_at).toISOString(),
    end: new Date(r.end_at).toISOString(),
    reason: r.reason ?? undefined,
  }));
}

export async function loadSwaps(db: Db, region: string): Promise<Swap[]> {
  const rows = await db
    .selectFrom('rota_swaps')
    .selectAll()
    .where('region_code', '=', region)
    .orderBy('start_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slot: r.slot,
    fromUserId: r.from_user_id,
    toUserId: r.to_user_id,
    status: r.status,
    start: new Date(r.start_at).toISOString(),
    end: new Date(r.end_at).toISOString(),
  }));
}

/**
 * One region's rota: its office hours, rotations, overrides and swaps.
 * @public
 */
export async function loadRota(db: Db, region: string): Promise<Rota> {
  const [calendar, rotations, overrides, swaps] = await Promise.all([
    regionCalendar(db, region),
    loadRotations(db, region),
    loadOverrides(db, region),
    loadSwaps(db, region),
  ]);
  return { calendar, rotations, overrides, swaps };
}

export interface StaffMember {
  id: string;
  displayName: string;
  phone: string | null;
  role: string;
}

/** The staff (everyone but OCMW staff); with a region, only that region's. */
export async function staffById(db: Db, region?: string): Promise<Map<string, StaffMember>> {
  let query = db.selectFrom('users').select(['id', 'display_name', 'phone', 'role']).where('role', '!=', 'ocmw_staff');
  if (region)
    query = query.where('id', 'in', db.selectFrom('user_regions').select('user_id').where('region_code', '=', region));
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, phone: r.phone, role: r.role }]));
}
