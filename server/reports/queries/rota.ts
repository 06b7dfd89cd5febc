// Rota coverage: the share of out-of-hours time in the period with a primary on duty. Computed by the
// rota calculator itself (segments), from the rota as it is stored now: rotations, overrides and swaps.
import { MAX_RANGE_DAYS, segments } from '../../../shared/rules/rota';
import { firstRegion } from '../../region/scope';
import { loadRota } from '../../roster/roster.queries';
import { round, share, type Db, type FigureScope } from '../scope';

const HOUR = 3_600_000;
const CHUNK_MS = (MAX_RANGE_DAYS - 1) * 86_400_000;
/**
 * Walking a year of the rota is pure computation on the server's one thread (the dashboard's costliest
 * part). The rota is read every time; the same rota over the same period gives the same answer, so the
 * last few answers are kept by the rota's content and the period: any change to the rota is a new key.
 */
const kept = new Map<string, ReturnType<typeof coverageOf>>();
const KEEP = 16;

/** @public */
export async function rotaCoverage(db: Db, { period, region }: FigureScope) {
  const code = region ?? (await firstRegion(db));
  if (!code) return { outOfHoursHours: 0, coveredHours: 0, uncoveredHours: 0, coverage: share(0, 0), gaps: 0 };
  const rota = await loadRota(db, code);
  const key = `${period.start.getTime()}:${period.end.getTime()}:${JSON.stringify(rota)}`;
  let answer = kept.get(key);
  if (!answer) {
    answer = coverageOf(rota, period);
    if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
    kept.set(key, answer);
  }
  return { ...answer };
}

function coverageOf(rota: Awaited<ReturnType<typeof loadRota>>, period: FigureScope['period']) {
  let outOfHours = 0;
  let covered = 0;
  let gaps = 0;
  let lastGapEnd = NaN;
  // segments() refuses ranges over MAX_RANGE_DAYS: walk a long period in pieces.
  for (let a = period.start.getTime(); a < period.end.getTime(); a += CHUNK_MS) {
    const b = Math.min(a + CHUNK_MS, period.end.getTime());
    for (const s of segments(rota, a, b)) {
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      outOfHours += end - start;
      if (s.primary !== null) covered += end - start;
      else {
        if (start !== lastGapEnd) gaps += 1; // a gap cut by a piece boundary is still one gap
        lastGapEnd = end;
      }
    }
  }
  return {
    outOfHoursHours: round(outOfHours / HOUR),
    coveredHours: round(covered / HOUR),
    uncoveredHours: round((outOfHours - covered) / HOUR),
    coverage: share(covered, outOfHours),
    gaps,
  };
}
