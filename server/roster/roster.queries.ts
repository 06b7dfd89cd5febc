// Loads the rota from the database into the shape the pure calculator in shared/rules/rota takes.
import type { Kysely, Transaction } from 'kysely';
import type { Override, Rota, Rotation, Swap } from '../../shared/rules/rota';
import type { Database } from '../db/schema';
import { regionCalendar } from '../region/settings';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadRotations(db: Db): Promise<Rotation[]> {
  const rows = await db.selectFrom('rota_rotations').selectAll().orderBy('position').orderBy('created_at').execute();
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

export async function loadOverrides(db: Db): Promise<Override[]> {
  const rows = await db.selectFrom('rota_overrides').selectAll().orderBy('start_at').execute();
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

export async function loadSwaps(db: Db): Promise<Swap[]> {
  const rows = await db.selectFrom('rota_swaps').selectAll().orderBy('start_at').execute();
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

export async function loadRota(db: Db): Promise<Rota> {
  const [calendar, rotations, overrides, swaps] = await Promise.all([
    regionCalendar(db),
    loadRotations(db),
    loadOverrides(db),
    loadSwaps(db),
  ]);
  return { calendar, rotations, overrides, swaps };
}

export interface StaffMember {
  id: string;
  displayName: string;
  phone: string | null;
  role: string;
}

export async function staffById(db: Db): Promise<Map<string, StaffMember>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone', 'role'])
    .where('role', '!=', 'ocmw_staff')
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, phone: r.phone, role: r.role }]));
}
