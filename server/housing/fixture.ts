// A wooncel history that reproduces the Kempen's published figures ("Trajecten binnen de wooncel" and
// "Doorstroom vanuit de wooncel", Welzijnszorg Kempen, 26 April 2019): 69 registrations, 23 households
// housed (30 adults, 30 children), 9 finished trajectories of 2 to 10 months (4.3 on average).
// The slides lost some cells; those are derived from the totals where they can be, and assumed where not:
//   vader met kinderen 2 (23 - the other types), noodwoning OCMW 4 (14 - the other homeless origins),
//   woning verlaten wegens conflict 1 (8 - 7), ontoereikende huisvesting 1 (23 - 14 - 8), afgebroken 2 (9 - 7);
//   assumed: Oud-Turnhout 1 and Turnhout 1 (2 between them), 2 and 3 bedrooms 10 and 6 (16 between them),
//   one family of three adults (the slides' 30 adults need one), the children per household, the dates.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type H = [type: string, adults: number, children: number, origin: string, kind: string];
export const WOONCEL_HOUSED: readonly H[] = [
  ['alleenstaande_man', 1, 0, 'hotel', 'kamerwoning'],
  ['alleenstaande_man', 1, 0, 'hotel', 'kamerwoning'],
  ['alleenstaande_man', 1, 0, 'left_loi', 'kamerwoning'],
  ['alleenstaande_man', 1, 0, 'left_loi', 'kamerwoning'],
  ['alleenstaande_man', 1, 0, 'with_network', 'kamerwoning'],
  ['alleenstaande_man', 1, 0, 'with_network', '1_bedroom'],
  ['alleenstaande_man', 1, 0, 'inadequate_housing', '1_bedroom'],
  ['alleenstaande_vrouw', 1, 0, 'womens_shelter', '2_bedrooms'],
  ['alleenstaande_vrouw', 1, 0, 'with_network', '2_bedrooms'],
  ['zwanger_koppel', 2, 0, 'left_home_conflict', '2_bedrooms'],
  ...Array.from({ length: 4 }, (): H => ['moeder_met_kinderen', 1, 2, 'crisis_centre', '2_bedrooms']),
  ...Array.from({ length: 2 }, (): H => ['moeder_met_kinderen', 1, 2, 'ocmw_emergency_home', '2_bedrooms']),
  ['vader_met_kinderen', 1, 2, 'ocmw_emergency_home', '2_bedrooms'],
  ['vader_met_kinderen', 1, 2, 'ocmw_emergency_home', '3_bedrooms'],
  ['gezin_met_kinderen', 3, 3, 'with_network', '3_bedrooms'],
  ['gezin_met_kinderen', 2, 3, 'with_network', '3_bedrooms'],
  ['gezin_met_kinderen', 2, 3, 'with_network', '3_bedrooms'],
  ['gezin_met_kinderen', 2, 3, 'with_network', '3_bedrooms'],
  ['gezin_met_kinderen', 2, 2, 'left_loi', '3_bedrooms'],
];
/** The first nine households left: months of stay, outflow, destination (11002 Antwerpen: outside the arrondissement). */
export const WOONCEL_FINISHED: readonly [months: number, kind: string, destination: string][] = [
  [2, 'private_rental', '13008'],
  [2, 'broken_off', 'unknown'],
  [3, 'private_rental', '13031'],
  [3, 'svk', '13040'],
  [4, 'private_rental', '11002'],
  [4, 'shm', '11002'],
  [5, 'svk', '11002'],
  [6, 'private_rental', '11002'],
  [10, 'broken_off', 'unknown'],
];
export const WOONCEL_PERIOD = { from: '2018-04-01', to: '2019-04-26' };
const OCMWS = ['13040', '13008', '13025'];

const addMonths = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** Writes the history: 69 registrations (the i-th in OCMWS[i % 3]), 23 homes, allocations and trajectories. */
export async function seedWooncelFixture(db: Kysely<Database>, userId: string): Promise<void> {
  const regs = await db
    .insertInto('housing_registrations')
    .values(
      Array.from({ length: 69 }, (_, i) => {
        const h = WOONCEL_HOUSED[i];
        return {
          municipality_nis: OCMWS[i % 3]!,
          person_name: `Wooncel ${i + 1}`,
          household_type: h?.[0] ?? 'alleenstaande_man',
          adults: h?.[1] ?? 1,
          children: h?.[2] ?? 0,
          ethos: 'with_family_friends',
          origin: h?.[3] ?? 'with_network',
          urgency: 'normal' as const,
          support_needs: '[]',
          registered_by: userId,
          registered_by_kind: 'caw' as const,
          handoff_id: null,
          registered_at: new Date(Date.UTC(2018, 3, 2 + ((i * 5) % 360), 10)),
          status: h ? ('housed' as const) : i % 3 === 0 ? ('withdrawn' as const) : ('waiting' as const),
          pseudonymised_at: null,
        };
      }),
    )
    .returning('id')
    .execute();
  for (const [i, h] of WOONCEL_HOUSED.entries()) {
    const home = await db
      .insertInto('transit_homes')
      .values({
        name: `Wooncel woning ${i + 1}`,
        municipality_nis: OCMWS[i % 3]!,
        brought_by_nis: OCMWS[i % 3]!,
        kind: h[4] as 'kamerwoning',
        suits: JSON.stringify(['men', 'women', 'families']),
        active_from: '2018-04-01',
        active_to: null,
        created_at: new Date('2018-04-01T08:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const end = WOONCEL_FINISHED[i];
    // Those who left moved in May or June 2018 (all nine left before the report); the others up to March 2019.
    const moveIn = end ? addMonths('2018-05-01', i % 2) : addMonths('2018-06-01', i % 10);
    const a = await db
      .insertInto('housing_allocations')
      .values({
        home_id: home.id,
        registration_id: regs[i]!.id,
        decided_by: userId,
        decided_at: new Date(`${moveIn}T08:00:00Z`),
        ranking: '{}',
        rank: 1,
        reason: null,
        status: 'moved_in',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('housing_trajectories')
      .values({
        allocation_id: a.id,
        home_id: home.id,
        registration_id: regs[i]!.id,
        move_in: moveIn,
        guidance_by: 'caw',
        guidance_frequency: 'weekly',
        end_date: end ? addMonths(moveIn, end[0]) : null,
        end_kind: end?.[1] ?? null,
        destination: end?.[2] ?? null,
        created_at: new Date(`${moveIn}T08:00:00Z`),
      })
      .execute();
  }
}
