// "Who do we ring now?": the pure calculator applied to the rota in the database, with names and phones.
import { onDuty, type SlotHolder } from '../../shared/rules/rota';
import type { Services } from '../services';
import { regionSettings } from '../region/settings';
import { loadRota, staffById, type StaffMember } from './roster.queries';

export interface OnCallPerson {
  userId: string;
  name: string;
  phone: string | null;
  source: SlotHolder['source'];
  until: string | null;
}

export interface OnCallNow {
  at: string;
  outOfHours: boolean;
  /** Where the line goes inside office hours. */
  dayNumber: string | null;
  primary: OnCallPerson | null;
  backup: OnCallPerson | null;
  coordinator: OnCallPerson | null;
  nextHandover: string | null;
}

/**
 * Who is on duty in a region (its rota, its staff, its day number).
 * @public
 */
export async function onCallNow(
  services: Pick<Services, 'db' | 'clock'>,
  region: string,
  at = services.clock.now(),
): Promise<OnCallNow> {
  const [rota, staff, settings] = await Promise.all([
    loadRota(services.db, region),
    staffById(services.db, region),
    regionSettings(services.db, region),
  ]);
  const duty = onDuty(rota, at);
  const person = (h: SlotHolder | null) => describe(h, staff);
  return {
    at: at.toISOString(),
    outOfHours: duty.outOfHours,
    dayNumber: settings.dayNumber ?? null,
    primary: person(duty.primary),
    backup: person(duty.backup),
    coordinator: person(duty.coordinator),
    nextHandover: duty.nextHandover,
  };
}

function describe(holder: SlotHolder | null, staff: Map<string, StaffMember>): OnCallPerson | null {
  if (!holder) return null;
  const member = staff.get(holder.userId);
  return {
    userId: holder.userId,
    name: member?.displayName ?? '(onbekend)',
    phone: member?.phone ?? null,
    source: holder.source,
    until: holder.until,
  };
}
