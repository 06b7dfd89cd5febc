// The shift summary per region (issue 15): each desk's handover lists its own holds, placements, missed calls,
// open handoffs and partner hotels, with its own stale-count hours. The fixture is built by hand in the database
// (both regions' demo places and teams, rows inserted directly), on Friday 27 November 2026 at 23:10 Brussels
// time: the night of 27 November began at 12:00 (11:00Z). The Kempen counts a hotel stale after 3 hours,
// Boom-Mechelen-Lier after 6 (the shipped data say 6 for both).
//
// Holds (status, place's region, intake's region -> whose):
//   h1 held,   Noodwoning Geel (K),        no intake -> Kempen
//   h2 held,   Noodwoning Boom (B),        no intake -> BML
//   h3 held,   CAW noodkamer Lier (B),     Kempen    -> Kempen (its desk held a neighbour's place)
//   h4 placed at 20:00 tonight, Noodwoning Mol (K),   Kempen -> Kempen
//   h5 placed at 21:00 tonight, Nachtopvang Mechelen (B), BML -> BML
//   h6 placed last night, Noodwoning Herentals (K),   Kempen -> nobody's "tonight"
//   h7 released, CAW noodkamer Mechelen 1 (B), no intake -> nobody's
// Handoffs (status, intake's region, OCMW): d1 open, Kempen (h4's), OCMW Mechelen -> Kempen; d2 open, BML (h5's),
// OCMW Turnhout -> BML; d3 acknowledged, Kempen (i3's) -> nobody's; d4 open, Kempen (h6's), OCMW Turnhout -> Kempen.
// Alarms (call's region, called back?): c1 Kempen no; c2 Kempen yes; c3 BML no; c4 BML no.
// Hotels tonight: Kempen's Terminus counted 1 h ago, De Cluyse 4 h ago (stale after 3, fresh after 6), Molse Meren
// and Herentals Centrum not at all, Westerlo 2 h ago -> 3 stale; BML's Dijlezicht counted 7 h ago (stale) and an
// added Hotel Lier 5 h ago (fresh after 6, stale after 3) -> 1 stale.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';
import { sendHandoverSms, shiftSummary } from './shift-summary';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-27T22:10:00Z');
const ago = (hours: number) => new Date(NOW - hours * HOUR);
const clock = new ManualClock(new Date(NOW));
const K = 'kempen';
const B = 'boom-mechelen-lier';
let t: TestServer;
const ids: Record<string, string> = {};

async function placeId(name: string) {
  return (await t.db.db.selectFrom('places').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function userId(username: string) {
  return (await t.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await startTestServer({ regions: [K, B], clock });
  const db = t.db.db;
  for (const [code, hours] of [
    [K, 3],
    [B, 6],
  ] as const) {
    await sql`update regions set settings = jsonb_set(settings, '{board,staleAfterHours}', ${String(hours)}::jsonb)
      where code = ${code}`.execute(db);
  }
  const worker = await userId('permanentie');
  const hold = async (key: string, place: string, status: 'held' | 'placed' | 'released', placedAt: Date | null) => {
    const row = await db
      .insertInto('holds')
      .values({
        place_id: await placeId(place),
        unit_no: 1,
        night: placedAt && placedAt.getTime() < NOW - 20 * HOUR ? '2026-11-26' : '2026-11-27',
        initials: key.toUpperCase(),
        household: JSON.stringify({ adults: 1, children: 0, needs: [] }),
        status,
        expires_at: new Date(NOW + 2 * HOUR),
        created_by: worker,
        created_at: ago(3),
        updated_at: ago(3),
        placed_at: placedAt,
        closed_at: status === 'released' ? ago(1) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  };
  await hold('h1', 'Noodwoning Geel', 'held', null);
  await hold('h2', 'Noodwoning Boom', 'held', null);
  await hold('h3', 'CAW noodkamer Lier', 'held', null);
  await hold('h4', 'Noodwoning Mol', 'placed', new Date('2026-11-27T19:00:00Z'));
  await hold('h5', 'Nachtopvang Mechelen', 'placed', new Date('2026-11-27T20:00:00Z'));
  await hold('h6', 'Noodwoning Herentals', 'placed', new Date('2026-11-26T22:00:00Z'));
  await hold('h7', 'CAW noodkamer Mechelen 1', 'released', null);

  const intake = async (key: string, region: string, holdKey: string, status: 'held' | 'placed') => {
    const row = await db
      .insertInto('intakes')
      .values({
        created_by: worker,
        created_at: ago(4),
        updated_at: ago(4),
        referrer_kind: 'police',
        referrer: JSON.stringify({ organisation: 'PZ Test' }),
        person_name: `Persoon ${key}`,
        household_type: 'alleenstaande_man',
        adults: 1,
        children: 0,
        ethos: 'public_space',
        needs: JSON.stringify([]),
        request_nis: region === K ? '13040' : '12025',
        facts: JSON.stringify({}),
        competence: JSON.stringify({}),
        competent_nis: region === K ? '13040' : '12025',
        competence_rule: 'homeless',
        hold_id: ids[holdKey]!,
        status,
        region_code: region,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  };
  await intake('i3', K, 'h3', 'held');
  await intake('i4', K, 'h4', 'placed');
  await intake('i5', B, 'h5', 'placed');
  await intake('i6', K, 'h6', 'placed');

  const handoff = async (
    key: string,
    intakeKey: string,
    ocmw: string,
    status: 'open' | 'acknowledged',
    due: string,
  ) => {
    const row = await db
      .insertInto('handoffs')
      .values({
        intake_id: ids[intakeKey]!,
        ocmw_nis: ocmw,
        due_at: new Date(due),
        received_at: ago(2),
        status,
        acknowledged_at: status === 'acknowledged' ? ago(1) : null,
        created_at: ago(2),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  };
  await handoff('d1', 'i4', '12025', 'open', '2026-11-30T08:00:00Z');
  await handoff('d2', 'i5', '13040', 'open', '2026-11-30T08:00:00Z');
  await handoff('d3', 'i3', '13040', 'acknowledged', '2026-11-27T08:00:00Z');
  await handoff('d4', 'i6', '13040', 'open', '2026-11-27T08:00:00Z');

  const alarm = async (key: string, region: string, calledBack: boolean) => {
    const call = await db
      .insertInto('calls')
      .values({
        region_code: region,
        call_sid: `CA-${key}`,
        from_number: `+3247000000${key.slice(1)}`,
        to_number: region === K ? '+3214000000' : '+3215000000',
        caller_name: null,
        out_of_hours: true,
        chain: JSON.stringify([]),
        outcome: 'missed',
        status: 'completed',
        started_at: ago(Number(key.slice(1))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = call.id;
    await db
      .insertInto('alarms')
      .values({ call_id: call.id, raised_at: ago(1), called_back_at: calledBack ? ago(0.5) : null })
      .execute();
  };
  await alarm('c1', K, false);
  await alarm('c2', K, true);
  await alarm('c3', B, false);
  await alarm('c4', B, false);

  await db
    .insertInto('places')
    .values({
      region_code: B,
      municipality_nis: '12021',
      name: 'Hotel Lier (test)',
      provider: 'Hotel Lier',
      type: 'hotel',
      suits: JSON.stringify(['men', 'women']),
      room_type: 'kamer',
      capacity: 2,
      cost_per_night_cents: 6000,
      phone: '+3234800000',
      address: 'Grote Markt 1, Lier',
      confidential_address: false,
    })
    .execute();
  for (const [name, hours] of [
    ['Hotel Terminus (partner)', 1],
    ['Hotel De Cluyse (partner)', 4],
    ['Hotel Westerlo (partner)', 2],
    ['Hotel Dijlezicht (partner)', 7],
    ['Hotel Lier (test)', 5],
  ] as const) {
    await db
      .insertInto('hotel_counts')
      .values({
        place_id: await placeId(name),
        night: '2026-11-27',
        rooms: 1,
        confirmed_by: 'receptie',
        method: 'phone',
        confirmed_at: ago(hours),
        recorded_by: worker,
      })
      .execute();
  }
});
afterAll(() => t.close());

const names = (rows: { id?: string; callId?: string; placeId?: string }[]) =>
  rows.map((r) => Object.entries(ids).find(([, id]) => id === (r.id ?? r.callId ?? r.placeId))?.[0] ?? r);

describe('the shift summary per region', () => {
  it("lists each region's own holds, placements, missed calls and open handoffs", async () => {
    const k = await shiftSummary(t.app.services, K);
    const b = await shiftSummary(t.app.services, B);
    expect(names(k.holds)).toEqual(['h1', 'h3']);
    expect(names(b.holds)).toEqual(['h2']);
    expect(names(k.placedTonight)).toEqual(['h4']);
    expect(names(b.placedTonight)).toEqual(['h5']);
    expect(names(k.missedCalls)).toEqual(['c1']);
    expect(names(b.missedCalls)).toEqual(['c4', 'c3']); // by start: c4 started 4 h ago, c3 3 h ago
    expect(names(k.handoffsOpen)).toEqual(['d4', 'd1']); // by due date
    expect(names(b.handoffsOpen)).toEqual(['d2']);
    expect(k.handoffsOpen.map((h) => h.ocmw)).toEqual(['Turnhout', 'Mechelen']);
  });

  it("counts only the region's hotels as stale, after the region's own hours", async () => {
    const k = await shiftSummary(t.app.services, K);
    const b = await shiftSummary(t.app.services, B);
    expect(k.staleHotels.map((h) => h.name).sort()).toEqual([
      'Hotel De Cluyse (partner)',
      'Hotel Herentals Centrum (partner)',
      'Hotel Molse Meren (partner)',
    ]);
    expect(b.staleHotels.map((h) => h.name)).toEqual(['Hotel Dijlezicht (partner)']);
  });

  it("answers GET /api/handover in the user's current region", async () => {
    const kempen = new ApiClient(t.url);
    await kempen.login('permanentie');
    const bml = new ApiClient(t.url);
    await bml.login('permanentie-bml');
    const k = (await kempen.get('/api/handover')).body;
    const b = (await bml.get('/api/handover')).body;
    expect([k.holds.length, k.placedTonight.length, k.missedCalls.length, k.handoffsOpen.length]).toEqual([2, 1, 1, 2]);
    expect([b.holds.length, b.placedTonight.length, b.missedCalls.length, b.handoffsOpen.length]).toEqual([1, 1, 2, 1]);
    expect(k.staleHotels).toHaveLength(3);
    expect(b.staleHotels).toHaveLength(1);
  });

  it("texts each region's incoming primary that region's counts", async () => {
    // Monday 30 November 17:05: the out-of-hours shift began at 17:00 in both regions. Tonight is a new night:
    // nothing placed in it and no hotel counted, so every active hotel is stale (Kempen 5, BML 2).
    clock.set('2026-11-30T16:05:00Z');
    expect(await sendHandoverSms(t.app.services)).toBe(2);
    const sms = await t.db.db
      .selectFrom('outbox')
      .innerJoin('users', 'users.phone', 'outbox.to_number')
      .innerJoin('user_regions', 'user_regions.user_id', 'users.id')
      .select(['user_regions.region_code', 'outbox.body'])
      .where('outbox.kind', '=', 'handover')
      .execute();
    const text = (holds: number, missed: number, handoffs: number, hotels: number) =>
      `Permanentie: je dienst begint. Open: ${holds} vastgehouden, 0 geplaatst vannacht, ${missed} terug te bellen, ${handoffs} overdrachten niet bevestigd, ${hotels} hotels zonder recente telling.`;
    expect(Object.fromEntries(sms.map((s) => [s.region_code, s.body]))).toEqual({
      [K]: text(2, 1, 2, 5),
      [B]: text(1, 2, 1, 2),
    });
  });
});
