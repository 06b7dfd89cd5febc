// The board's part of retention: a hold whose intake was pseudonymised loses its initials.
import type { Executor } from '../db/schema';

/** @public */
export async function forgetHoldInitials(db: Executor, holdIds: string[]): Promise<void> {
  if (holdIds.length) await db.updateTable('holds').set({ initials: '—' }).where('id', 'in', holdIds).execute();
}
