// One night of history at a time: its calls, the intakes that came from them, and for those placed a
// hold (ended), a cost guarantee by the real rule (guaranteeTerms) and a handoff. Places are never
// over-booked: each unit is busy until the OCMW takes over, so occupancy stays possible.
import type { Calendar } from '../../../shared/rules/calendar-schema';
import { guaranteeTerms } from '../../../shared/rules/intake/guarantee';
import { nightOf } from '../../../shared/rules/night';
import { windowsOn } from '../../../shared/rules/office-hours';
import { addDays, atLocal } from '../../../shared/rules/wall-clock';
import { callRow, guaranteeRow, handoffRow, holdRow, intakeRow } from './rows';
import {
  between,
  CALL_HOURS,
  CALLERS,
  chance,
  ethos,
  household,
  placeTypeWeights,
  poisson,
  REFERRER_OF,
  weighted,
  type CallerKind,
  type Rng,
} from './model';

export interface HistoryContext {
  /** The region the history is written for (its calls carry it). */
  region?: string;
  now: Date;
  users: string[];
  numbers: Record<Exclude<CallerKind, 'unknown'>, string[]>;
  municipalities: { nis: string; population: number }[];
  places: { id: string; type: string; nis: string; capacity: number; cost: number }[];
  ocmwCalendars: Map<string, Calendar>;
  regionCalendar: Calendar;
}

/** @public */
export interface Batch {
  calls: ReturnType<typeof callRow>[];
  holds: ReturnType<typeof holdRow>[];
  intakes: ReturnType<typeof intakeRow>[];
  guarantees: ReturnType<typeof guaranteeRow>[];
  handoffs: ReturnType<typeof handoffRow>[];
}

/** @public */
export const emptyBatch = (): Batch => ({ calls: [], holds: [], intakes: [], guarantees: [], handoffs: [] });
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
const pick = <T>(rng: Rng, list: readonly T[]) => list[Math.floor(rng() * list.length)]!;

/** @public */
export class HistoryGenerator {
  /** Per place, per unit: the first night (day number) it is free again. */
  private readonly freeFrom = new Map<string, number[]>();
  private readonly nisWeights: (readonly [string, number])[];

  constructor(
    private readonly ctx: HistoryContext,
    private readonly rng: Rng,
  ) {
    for (const p of ctx.places)
      this.freeFrom.set(
        p.id,
        Array.from({ length: p.capacity }, () => 0),
      );
    this.nisWeights = ctx.municipalities.map((m) => [m.nis, m.population] as const);
  }

  night(night: string, meanCalls: number, meanIntakes: number, into: Batch): void {
    const { rng } = this;
    const open = [
      ...windowsOn(this.ctx.regionCalendar, night),
      ...windowsOn(this.ctx.regionCalendar, addDays(night, 1)),
    ];
    const calls = Array.from({ length: poisson(rng, meanCalls) }, () => {
      const hour = weighted(rng, CALL_HOURS);
      const at = new Date(
        atLocal(hour >= 12 ? night : addDays(night, 1), `${String(hour).padStart(2, '0')}:00`).toMillis() +
          rng() * 3_600_000,
      );
      const kind = weighted(rng, CALLERS);
      const from =
        kind === 'unknown'
          ? `+3247${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`
          : pick(rng, this.ctx.numbers[kind]);
      const deep = hour >= 1 && hour <= 5;
      const outcome = chance(rng, deep ? 0.78 : 0.85) ? 'answered' : chance(rng, 0.6) ? 'voicemail' : 'missed';
      const answerSec = chance(rng, 0.7) ? between(rng, 5, 35) : between(rng, 30, 90); // primary, or the backup after a no-answer
      const outOfHours = !open.some((w) => at.getTime() >= w.start.toMillis() && at.getTime() < w.end.toMillis());
      const row = callRow({
        startedAt: at,
        outcome,
        answerSec: Math.round(answerSec),
        from,
        durationSec: Math.round(between(rng, 40, 900)),
        outOfHours,
        sidPrefix: 'HIST',
        region: this.ctx.region,
      });
      return { row, kind };
    });
    into.calls.push(...calls.map((c) => c.row));

    const answered = calls.filter((c) => c.row.outcome === 'answered').sort(() => rng() - 0.5);
    const n = poisson(rng, meanIntakes);
    for (let i = 0; i < n; i++) this.intake(night, answered[i], into);
  }

  private intake(
    night: string,
    call: { row: ReturnType<typeof callRow>; kind: CallerKind } | undefined,
    into: Batch,
  ): void {
    const { rng, ctx } = this;
    const createdAt = call
      ? plus(call.row.answered_at!, between(rng, 3, 15))
      : new Date(atLocal(night, '20:00').toMillis() + rng() * 8 * 3_600_000);
    if (createdAt >= ctx.now) return;
    const referrerKind = weighted(rng, REFERRER_OF[call?.kind ?? weighted(rng, CALLERS)]);
    const h = household(rng);
    const competentNis = weighted(rng, this.nisWeights);
    const by = pick(rng, ctx.users);
    const base = {
      createdAt,
      createdBy: by,
      competentNis,
      household: h,
      ethos: ethos(rng, referrerKind),
      referrerKind,
      callId: call?.row.id ?? null,
      region: ctx.region,
    };
    const holdAt = plus(createdAt, between(rng, 5, 20));
    const placedAt = plus(holdAt, between(rng, 20, 90));
    const place = chance(rng, 0.7) && placedAt < ctx.now ? this.freePlace(h, competentNis, nightOf(placedAt)) : null;
    if (!place) {
      const released =
        chance(rng, 0.3) && holdAt < ctx.now && ctx.places.length > 0
          ? holdRow({
              placeId: pick(rng, ctx.places).id,
              night: nightOf(holdAt),
              createdBy: by,
              createdAt: holdAt,
              status: 'released',
              closedAt: plus(holdAt, 25),
              adults: h.adults,
              children: h.children,
            })
          : null;
      if (released) into.holds.push(released);
      into.intakes.push(intakeRow({ ...base, holdId: released?.id ?? null, status: 'closed' }));
      return;
    }
    const terms = guaranteeTerms(placedAt, ctx.ocmwCalendars.get(competentNis) ?? ctx.regionCalendar, place.cost);
    place.units[place.unit] = dayNo(terms.firstNight) + terms.nights;
    const checkout = atLocal(terms.takeoverDate, '10:00').toJSDate();
    const hold = holdRow({
      placeId: place.id,
      unitNo: place.unit + 1,
      night: terms.firstNight,
      createdBy: by,
      createdAt: holdAt,
      status: checkout < ctx.now ? 'ended' : 'placed',
      placedAt,
      closedAt: checkout < ctx.now ? checkout : null,
      adults: h.adults,
      children: h.children,
    });
    const intake = intakeRow({ ...base, holdId: hold.id, status: 'placed' });
    into.holds.push(hold);
    into.intakes.push(intake);
    into.guarantees.push(
      guaranteeRow({
        intakeId: intake.id,
        holdId: hold.id,
        placeId: place.id,
        ocmwNis: competentNis,
        firstNight: terms.firstNight,
        nights: terms.nights,
        costPerNightCents: terms.costPerNightCents,
        createdBy: by,
        createdAt: placedAt,
      }),
    );
    const due = new Date(terms.dueAt);
    const delayMin = weighted(rng, [
      [between(rng, 20, 480), 80],
      [between(rng, 480, 1440), 12],
      [between(rng, 1500, 5760), 8],
    ] as const);
    const ack = plus(due, delayMin);
    const closed = plus(ack, between(rng, 1, 14) * 1440);
    into.handoffs.push(
      handoffRow({
        intakeId: intake.id,
        ocmwNis: competentNis,
        createdAt: placedAt,
        dueAt: due,
        acknowledgedAt: ack < ctx.now ? ack : null,
        closedAt: closed < ctx.now ? closed : null,
      }),
    );
  }

  /** A free unit for the night, of a kind that suits the household; the OCMW's own home first. */
  private freePlace(h: ReturnType<typeof household>, nis: string, night: string) {
    const n = dayNo(night);
    const weights = placeTypeWeights(h);
    for (let attempt = 0; attempt < 3; attempt++) {
      const type = weighted(this.rng, weights);
      const ofType = this.ctx.places.filter((p) => p.type === type);
      const ordered = [
        ...ofType.filter((p) => p.nis === nis),
        ...ofType.filter((p) => p.nis !== nis).sort(() => this.rng() - 0.5),
      ];
      for (const p of ordered) {
        const units = this.freeFrom.get(p.id)!;
        const unit = units.findIndex((f) => f <= n);
        if (unit >= 0) return { id: p.id, cost: p.cost, units, unit };
      }
    }
    return null;
  }
}
