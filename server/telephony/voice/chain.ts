// Who the line rings, in order. Pure: the rota's answer for the instant in, the chain out.
//  - Out of hours: primary, backup, coordinator (the last step). Someone without a phone number, or
//    the same number twice (one person in two slots), is skipped: ringing them again only costs time.
//  - Inside office hours: the region's day number, screened like any other step.
import type { OnDuty } from '../../../shared/rules/rota';
import type { ChainStep } from '../../db/schema';

export interface StaffEntry {
  name: string;
  phone: string | null;
}

export interface ChainInput {
  duty: Pick<OnDuty, 'outOfHours' | 'primary' | 'backup' | 'coordinator'>;
  staff: Record<string, StaffEntry>;
  dayNumber: string | null;
}

export function chainFor({ duty, staff, dayNumber }: ChainInput): ChainStep[] {
  if (!duty.outOfHours && dayNumber) return [{ role: 'day', userId: null, name: 'Dagnummer', number: dayNumber }];
  const steps: ChainStep[] = [];
  for (const role of ['primary', 'backup', 'coordinator'] as const) {
    const holder = duty[role];
    const person = holder ? staff[holder.userId] : undefined;
    if (!holder || !person?.phone || steps.some((s) => s.number === person.phone)) continue;
    steps.push({ role, userId: holder.userId, name: person.name, number: person.phone });
  }
  return steps;
}
