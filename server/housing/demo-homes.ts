// Demo transit homes (SEED=demo): a small pool in a few Kempen municipalities, so /wonen has
// something to allocate. Real homes are added through POST /api/housing/homes.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export const DEMO_HOMES = [
  { name: 'Doorgangswoning Turnhout Centrum', nis: '13040', kind: '2_bedrooms', suits: ['families'] },
  { name: 'Kamerwoning Turnhout Noord', nis: '13040', kind: 'kamerwoning', suits: ['men', 'women'] },
  { name: 'Doorgangswoning Geel Markt', nis: '13008', kind: '3_bedrooms', suits: ['families'] },
  { name: 'Doorgangswoning Geel Stelen', nis: '13008', kind: '1_bedroom', suits: ['women', 'families'] },
  { name: 'Doorgangswoning Mol Rozenberg', nis: '13025', kind: '2_bedrooms', suits: ['women', 'families'] },
  { name: 'Kamerwoning Herentals', nis: '13011', kind: 'kamerwoning', suits: ['men'] },
] as const;

/** @public */
export async function seedDemoHomes(trx: Kysely<Database> | Transaction<Database>): Promise<void> {
  await trx
    .insertInto('transit_homes')
    .values(
      DEMO_HOMES.map((h) => ({
        name: h.name,
        municipality_nis: h.nis,
        brought_by_nis: h.nis,
        kind: h.kind,
        suits: JSON.stringify(h.suits),
        active_from: '2026-01-01',
        active_to: null,
        created_at: new Date('2026-01-01T08:00:00Z'),
      })),
    )
    .execute();
}
