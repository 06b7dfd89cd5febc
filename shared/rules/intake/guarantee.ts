/**
 * A placement's nights and cost guarantee: the OCMW stands guarantor from the night of placement up
 * to its own next working day, when it takes over. The handoff falls due at that day's opening.
 * Nights are counted on the desk's noon-to-noon night (night.ts), so 01:30 on Saturday still belongs
 * to Friday's night, and a clock change never adds or loses a night.
 */
import type { Calendar } from '../calendar-schema';
import { nightOf } from '../night';
import { nextOpening } from '../office-hours';
import { localDate, toZoned, type Instant } from '../wall-clock';

/** @public */
export interface GuaranteeTerms {
  /** The local date D of the first night (D 12:00 to D+1 12:00). */
  firstNight: string;
  /** The OCMW's next working day (local date): it takes over then. */
  takeoverDate: string;
  nights: number;
  /** When the handoff falls due: the start of the OCMW's next opening. */
  dueAt: string;
  costPerNightCents: number;
  totalCents: number;
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** @public */
export function guaranteeTerms(placedAt: Instant, ocmwCalendar: Calendar, costPerNightCents: number): GuaranteeTerms {
  const firstNight = nightOf(placedAt);
  const due = nextOpening(ocmwCalendar, placedAt);
  const takeoverDate = localDate(due);
  const nights = Math.max(1, dayNumber(takeoverDate) - dayNumber(firstNight));
  return {
    firstNight,
    takeoverDate,
    nights,
    dueAt: toZoned(due).toUTC().toISO()!,
    costPerNightCents,
    totalCents: nights * costPerNightCents,
  };
}
