// The dashboard: every figure query by name (the bench times each one), and the one answer they make.
import { byMunicipality, timeline } from './queries/breakdowns';
import { callFigures } from './queries/calls';
import { handoffsOnTime, handoffSummary } from './queries/handoffs';
import { callToPlacement, intakeMix } from './queries/intakes';
import { periodRows } from './queries/period-rows';
import { placeTypeTable } from './queries/placements';
import { referrerLoop } from './queries/referrers';
import { rotaCoverage } from './queries/rota';
import type { Db, FigureScope } from './scope';

export const FIGURE_QUERIES = {
  calls: callFigures,
  intake_mix: intakeMix,
  call_to_placement: callToPlacement,
  place_types: placeTypeTable,
  handoffs: handoffsOnTime,
  rota_coverage: rotaCoverage,
  timeline,
  by_municipality: byMunicipality,
  referrer_loop: referrerLoop,
} as const satisfies Record<string, (db: Db, scope: FigureScope) => Promise<unknown>>;

export type FigureQueryName = keyof typeof FIGURE_QUERIES;

/** Said in every answer, so nobody reads a region-wide figure as a municipality's. */
export const NOTES = {
  period: "A period is a run of the desk's nights: the night of D runs from D 12:00 to D+1 12:00, Brussels time.",
  calls:
    'Calls have no municipality: the line serves the whole region, so call figures are region-wide whatever the municipality filter.',
  rota: 'Rota coverage is region-wide and computed from the rota as it is stored now.',
  municipality:
    'Intakes, placements, nights, guarantees and handoffs are those of the region whose desk recorded the intake ' +
    "(OCMW staff: any region's), filtered by the competent municipality (intakes.competent_nis).",
  occupancy:
    "Occupancy = nights used / (capacity of the region's active places of that type x nights in the period); with a municipality filter it is that municipality's share of the regional pool.",
};

export async function readFigures(db: Db, scope: FigureScope) {
  const q = FIGURE_QUERIES;
  // The calls' one scan feeds the timeline too, the handoffs both their summary and the table per
  // municipality, and the period's intakes, placements and stays the places table, the timeline and the
  // table per municipality: each is read once, while the other queries run beside it.
  const calls = q.calls(db, scope);
  const handoffRows = q.handoffs(db, scope);
  const rows = periodRows(db, scope);
  const [call, mix, toPlacement, places, handoffs, rota, line, municipalities, loop] = await Promise.all([
    calls,
    q.intake_mix(db, scope),
    q.call_to_placement(db, scope),
    q.place_types(db, scope, rows),
    handoffRows,
    q.rota_coverage(db, scope),
    q.timeline(db, scope, calls, rows),
    q.by_municipality(db, scope, handoffRows, rows),
    q.referrer_loop(db, scope),
  ]);
  const { byNight: _byNight, ...callsShown } = call;
  const { period } = scope;
  return {
    period: {
      from: period.from,
      to: period.to,
      nights: period.nights,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
    },
    municipalities: scope.nis,
    notes: NOTES,
    calls: { regionWide: true as const, ...callsShown },
    intakes: { ...mix, callToPlacement: toPlacement },
    placements: places,
    handoffs: handoffSummary(handoffs),
    rota: { regionWide: true as const, ...rota },
    timeline: line,
    byMunicipality: municipalities,
    referrerLoop: loop,
  };
}

export type Figures = Awaited<ReturnType<typeof readFigures>>;
