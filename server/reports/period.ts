// The period of a figure is a run of the desk's nights (night.ts): "from 2026-01-01 to 2026-01-31" is
// the nights of 1 to 31 January, i.e. from 1 January 12:00 to 1 February 12:00, Brussels time. So a call
// at 01:30 on 1 February still counts for January, like the placement it led to, and the nights of a
// guarantee (first_night + n) fall in the same months as the calls and intakes behind them.
import { nightBounds, nightOf } from '../../shared/rules/night';
import { addDays } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { forbidden } from '../http/errors';
import { nightsBetween } from '../../shared/api/figures';
import { scope } from '../policies';

// The filters' schemas are the API's (shared/api/figures.ts); what the server does with them is here.
export {
  checkFilter,
  filterShape,
  langSchema,
  MAX_PERIOD_NIGHTS,
  monthSchema,
  nightsBetween,
  nisSchema,
} from '../../shared/api/figures';
import { say } from '../../shared/rules/say';

export interface Period {
  /** First and last night (local dates, inclusive). */
  from: string;
  to: string;
  /** Instants: from 12:00 on `from` to 12:00 the day after `to`. */
  start: Date;
  end: Date;
  nights: number;
}

export function periodOf(from: string, to: string): Period {
  return {
    from,
    to,
    start: nightBounds(from).start.toJSDate(),
    end: nightBounds(to).end.toJSDate(),
    nights: nightsBetween(from, to),
  };
}

/** The nights of a month "YYYY-MM". */
export function monthPeriod(month: string): Period {
  const from = `${month}-01`;
  const nextMonth = `${addDays(from, 31).slice(0, 7)}-01`;
  return periodOf(from, addDays(nextMonth, -1));
}

/** Without from/to: the month of the current night. */
export function defaultPeriod(now: Date): Period {
  return monthPeriod(nightOf(now).slice(0, 7));
}

/**
 * The region whose intakes a user's figures count: the current region, except for OCMW staff, who see their
 * municipalities' intakes whichever region's desk recorded them (as they see their handoffs from any region).
 */
export function intakeRegionFor(user: AuthUser): string | null {
  return scope(user) === null ? user.region : null;
}

/**
 * Which municipalities (NIS) a user may see figures of, given the filter: null means the whole region.
 * OCMW staff see only their own municipalities and get 403 asking for another one.
 */
export function scopeFor(user: AuthUser, municipality: string | undefined): string[] | null {
  const own = scope(user);
  if (own) {
    if (own.length === 0)
      throw forbidden(
        say('Je account is nog aan geen gemeente gekoppeld.', 'Your account is not linked to a municipality yet.'),
      );
    if (municipality && !own.includes(municipality)) {
      const list = own.join(', ');
      throw forbidden(
        say(
          `Je ziet alleen de cijfers van je eigen gemeenten (${list}).`,
          `You may only see figures of your own municipalities (${list}).`,
        ),
      );
    }
    return municipality ? [municipality] : [...own];
  }
  return municipality ? [municipality] : null;
}
