// The cost statement (kostenstaat) per OCMW per month, for settlement between OCMWs: the guarantees
// an OCMW gave (guarantees.ocmw_nis) whose first night lies in the month, with their nights and amounts,
// per place. A guarantee is counted whole in the month of its first night, as it is invoiced. A region's
// statement holds the guarantees of its own intakes (intakes.region_code), wherever the place lies.
import { sql } from 'kysely';
import type { CsvCell } from '../../shared/rules/csv';
import { categoryLabel } from '../../shared/rules/categories';
import { monthPeriod } from './period';
import { inRegion, inScope, type Db } from './scope';
import { euro, type Lang } from './tables';

interface Line {
  guarantee_id: string;
  ocmw_nis: string;
  ocmw_name: string;
  first_night: string;
  nights: number;
  cost_per_night_cents: number;
  total_cents: number;
  place_id: string;
  place: string;
  type: string;
  place_nis: string;
  place_municipality: string;
}

export async function costStatement(db: Db, month: string, nis: string[] | null, region: string | null = null) {
  const { from, to } = monthPeriod(month);
  const rows = await sql<Line>`
    select g.id as guarantee_id, g.ocmw_nis, coalesce(o.name, m.name) as ocmw_name, g.first_night, g.nights,
           g.cost_per_night_cents, g.total_cents, p.id as place_id, p.name as place, p.type,
           p.municipality_nis as place_nis, pm.name as place_municipality
    from guarantees g
    join intakes i on i.id = g.intake_id
    join places p on p.id = g.place_id
    join municipalities m on m.nis = g.ocmw_nis
    join municipalities pm on pm.nis = p.municipality_nis
    left join lateral (select name from ocmws where municipality_nis = g.ocmw_nis order by id limit 1) o on true
    where g.first_night between ${from} and ${to} and ${inScope('g.ocmw_nis', nis)}
      and ${inRegion('i.region_code', region)}
    order by m.name, p.name, g.first_night, g.id`.execute(db);
  const ocmws = new Map<string, ReturnType<typeof newOcmw>>();
  function newOcmw(l: Line) {
    return {
      nis: l.ocmw_nis,
      name: l.ocmw_name,
      guarantees: 0,
      nights: 0,
      totalCents: 0,
      places: [] as {
        placeId: string;
        place: string;
        type: string;
        municipalityNis: string;
        municipality: string;
        guarantees: number;
        nights: number;
        totalCents: number;
      }[],
      lines: [] as {
        guaranteeId: string;
        firstNight: string;
        placeId: string;
        place: string;
        nights: number;
        costPerNightCents: number;
        totalCents: number;
      }[],
    };
  }
  for (const l of rows.rows) {
    const o = ocmws.get(l.ocmw_nis) ?? ocmws.set(l.ocmw_nis, newOcmw(l)).get(l.ocmw_nis)!;
    o.guarantees += 1;
    o.nights += l.nights;
    o.totalCents += l.total_cents;
    let p = o.places.find((x) => x.placeId === l.place_id);
    if (!p) {
      p = {
        placeId: l.place_id,
        place: l.place,
        type: l.type,
        municipalityNis: l.place_nis,
        municipality: l.place_municipality,
        guarantees: 0,
        nights: 0,
        totalCents: 0,
      };
      o.places.push(p);
    }
    p.guarantees += 1;
    p.nights += l.nights;
    p.totalCents += l.total_cents;
    o.lines.push({
      guaranteeId: l.guarantee_id,
      firstNight: l.first_night,
      placeId: l.place_id,
      place: l.place,
      nights: l.nights,
      costPerNightCents: l.cost_per_night_cents,
      totalCents: l.total_cents,
    });
  }
  const list = [...ocmws.values()];
  const sum = (k: 'guarantees' | 'nights' | 'totalCents') => list.reduce((a, o) => a + o[k], 0);
  return {
    month,
    from,
    to,
    ocmws: list,
    total: { guarantees: sum('guarantees'), nights: sum('nights'), totalCents: sum('totalCents') },
  };
}

export type CostStatement = Awaited<ReturnType<typeof costStatement>>;

const H = {
  places: [
    ['NIS OCMW', 'OCMW NIS'],
    ['OCMW', 'OCMW'],
    ['plaats', 'place'],
    ['soort plaats', 'place type'],
    ['gemeente van de plaats', 'place municipality'],
    ['borgstellingen', 'guarantees'],
    ['nachten', 'nights'],
    ['bedrag (EUR)', 'amount (EUR)'],
  ],
  lines: [
    ['NIS OCMW', 'OCMW NIS'],
    ['OCMW', 'OCMW'],
    ['borgstelling', 'guarantee'],
    ['eerste nacht', 'first night'],
    ['plaats', 'place'],
    ['nachten', 'nights'],
    ['prijs per nacht (EUR)', 'price per night (EUR)'],
    ['bedrag (EUR)', 'amount (EUR)'],
  ],
} as const;

/** Rows for CSV: one per OCMW and place (`places`) or one per guarantee (`lines`). */
export function costCsvInput(
  s: CostStatement,
  table: 'places' | 'lines',
  lang: Lang,
): { header: string[]; rows: CsvCell[][] } {
  const header = H[table].map((c) => c[lang === 'nl' ? 0 : 1]);
  const rows = s.ocmws.flatMap((o) =>
    table === 'places'
      ? o.places.map((p): CsvCell[] => [
          o.nis,
          o.name,
          p.place,
          categoryLabel('placeType', p.type, lang),
          p.municipality,
          p.guarantees,
          p.nights,
          euro(p.totalCents),
        ])
      : o.lines.map((l): CsvCell[] => [
          o.nis,
          o.name,
          l.guaranteeId,
          l.firstNight,
          l.place,
          l.nights,
          euro(l.costPerNightCents),
          euro(l.totalCents),
        ]),
  );
  return { header, rows };
}
