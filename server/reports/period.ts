// The period of a figure is a run of the desk's nights (night.ts): "from 2026-01-01 to 2026-01-31" is
// the nights of 1 to 31 January, i.e. from 1 January 12:00 to 1 February 12:00, Brussels time. So a call
// at 01:30 on 1 February still counts for January, like the placement it led to, and the nights of a
// guarantee (first_night + n) fall in the same months as the calls and intakes behind them.
import { z } from 'zod';
import { nightBounds, nightOf } from '../../shared/rules/night';
import { addDays, isIsoDate } from '../../shared/rules/wall-clock';
import type { AuthUser } from '../auth/session';
import { forbidden } from '../http/errors';
import { nisCode } from '../../shared/rules/nis';
import { say } from '../../shared/rules/say';
import { scope } from '../policies';

/** Longest period one request may ask: eleven years (ten years of history and some). */
export const MAX_PERIOD_NIGHTS = 4018;

export interface Period {
  /** First and last night (local dates, inclusive). */
  from: string;
  to: string;
  /** Instants: from 12:00 on `from` to 12:00 the day after `to`. */
  start: Date;
  end: Date;
  nights: number;
}

const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
export const nightsBetween = (from: string, to: string) => dayNo(to) - dayNo(from) + 1;

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

const date = (field: string) => z.string().refine(isIsoDate, `${field} must be a date YYYY-MM-DD`);
export const nisSchema = nisCode;
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, say('een maand is JJJJ-MM', 'month must be YYYY-MM'));
export const langSchema = z.enum(['nl', 'en'], { error: say('lang is nl of en', 'lang must be nl or en') });

/** from/to (both or neither) and an optional municipality: the dashboard's filter. */
export const filterShape = {
  from: date('from').optional(),
  to: date('to').optional(),
  municipality: nisSchema.optional(),
};

type FilterInput = { from?: string | undefined; to?: string | undefined };
export const checkFilter = (q: FilterInput, ctx: z.RefinementCtx) => {
  if ((q.from === undefined) !== (q.to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [q.from === undefined ? 'from' : 'to'],
      message: say(
        'geef zowel van als tot, of geen van beide (de lopende maand)',
        'give both from and to, or neither (the current month)',
      ),
    });
  } else if (q.from && q.to && isIsoDate(q.from) && isIsoDate(q.to)) {
    if (q.to < q.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: say('"tot" valt op of na "van"', 'to must be on or after from'),
      });
    else if (nightsBetween(q.from, q.to) > MAX_PERIOD_NIGHTS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: say(
          `een periode telt hoogstens ${MAX_PERIOD_NIGHTS} nachten`,
          `a period is at most ${MAX_PERIOD_NIGHTS} nights`,
        ),
      });
  }
};

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
