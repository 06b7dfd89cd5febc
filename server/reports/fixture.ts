// A small, fixed October 2026 for the figure tests (on the demo seed). Every expectation in the tests
// is worked out by hand from the comments here. Brussels: CEST (+2) until 25 Oct 03:00, CET (+1) after.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { callRow, guaranteeRow, handoffRow, holdRow, intakeRow, type IntakeFacts } from './history/rows';

export const NOW = '2026-11-05T12:00:00Z';
/** Personal data on every intake: none of it may appear in a figure or an export. */
export const PERSON = {
  name: 'Maria Janssens',
  birthDate: '1985-07-30',
  story: 'slaapt in haar auto aan het station',
  referrerPhone: '+32470998877',
};
export const POLICE = '+3214440101';
export const POLICE_2 = '+3214440202';
export const HOSPITAL = '+3214406111';
export const HOSPITAL_2 = '+3214576111';

export async function insertOctober(db: Kysely<Database>) {
  const by = (await db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow())
    .id;
  const places = new Map((await db.selectFrom('places').select(['id', 'name']).execute()).map((p) => [p.name, p.id]));
  const place = (name: string) => places.get(name)!;

  const calls = {
    A: callRow({ startedAt: '2026-10-25T00:30:00Z', outcome: 'answered', answerSec: 20, from: POLICE }), // 02:30 CEST, night of Sat 24
    B: callRow({ startedAt: '2026-10-25T01:30:00Z', outcome: 'missed', from: '+32470000001' }), // 02:30 CET (again), unknown caller
    C: callRow({ startedAt: '2026-10-01T09:59:00Z', outcome: 'answered', answerSec: 5, from: POLICE }), // 11:59: still the night of 30 Sep
    D: callRow({ startedAt: '2026-10-01T10:00:00Z', outcome: 'voicemail', from: HOSPITAL }), // 12:00: first instant of October's nights (Thu)
    E: callRow({ startedAt: '2026-11-01T10:59:00Z', outcome: 'answered', answerSec: 40, from: HOSPITAL_2 }), // 11:59 CET 1 Nov: night of Sat 31 Oct
    F: callRow({ startedAt: '2026-11-01T11:00:00Z', outcome: 'missed', from: POLICE }), // 12:00 CET: the night of 1 Nov
    G: callRow({ startedAt: '2026-10-16T21:45:00Z', outcome: 'answered', answerSec: 60, from: POLICE_2 }), // 23:45 Fri 16
  };
  await db.insertInto('calls').values(Object.values(calls)).execute();

  const holds = {
    h1: holdRow({
      placeId: place('Hotel Terminus (partner)'),
      night: '2026-10-24',
      createdBy: by,
      createdAt: '2026-10-25T01:00:00Z',
      status: 'ended',
      placedAt: '2026-10-25T01:40:00Z',
      closedAt: '2026-10-26T09:00:00Z',
    }),
    h2: holdRow({
      placeId: place('Noodwoning Geel'),
      night: '2026-10-31',
      createdBy: by,
      createdAt: '2026-10-31T22:10:00Z',
      status: 'placed',
      placedAt: '2026-10-31T22:30:00Z',
    }),
    h4: holdRow({
      placeId: place('Hotel Terminus (partner)'),
      unitNo: 2,
      night: '2026-09-30',
      createdBy: by,
      createdAt: '2026-09-30T20:10:00Z',
      status: 'ended',
      placedAt: '2026-09-30T20:30:00Z',
      closedAt: '2026-10-02T08:00:00Z',
    }),
    h6: holdRow({
      placeId: place('Hotel De Cluyse (partner)'),
      night: '2026-10-20',
      createdBy: by,
      createdAt: '2026-10-20T21:10:00Z',
      status: 'ended',
      placedAt: '2026-10-20T21:30:00Z',
      closedAt: '2026-10-21T08:00:00Z',
    }),
    h7: holdRow({
      placeId: place('Vluchthuis Kempen'),
      night: '2026-10-12',
      createdBy: by,
      createdAt: '2026-10-12T20:00:00Z',
      status: 'released',
      closedAt: '2026-10-12T20:30:00Z',
    }),
  };
  await db.insertInto('holds').values(Object.values(holds)).execute();

  const intake = (f: Omit<IntakeFacts, 'createdBy' | 'person'>) => intakeRow({ ...f, createdBy: by, person: PERSON });
  const intakes = {
    i1: intake({
      createdAt: '2026-10-25T00:40:00Z',
      callId: calls.A.id,
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
      ethos: 'public_space',
      referrerKind: 'police',
      competentNis: '13040',
      holdId: holds.h1.id,
    }),
    i2: intake({
      createdAt: '2026-10-31T22:00:00Z',
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'non_conventional',
      referrerKind: 'hospital',
      competentNis: '13008',
      holdId: holds.h2.id,
    }),
    i3: intake({
      createdAt: '2026-10-10T20:00:00Z',
      household: { type: 'gezin_met_kinderen', adults: 2, children: 3 },
      ethos: 'with_family_friends',
      referrerKind: 'social_service',
      competentNis: '13040',
    }),
    i4: intake({
      createdAt: '2026-09-30T20:00:00Z',
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      referrerKind: 'police',
      competentNis: '13040',
      holdId: holds.h4.id,
    }),
    i5: intake({
      createdAt: '2026-10-31T23:00:00Z',
      household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
      ethos: 'emergency_shelter',
      referrerKind: 'self',
      competentNis: '13040',
    }),
    i6: intake({
      createdAt: '2026-10-20T21:00:00Z',
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      referrerKind: 'police',
      competentNis: '13040',
      holdId: holds.h6.id,
    }),
  };
  await db.insertInto('intakes').values(Object.values(intakes)).execute();

  const g = (
    i: typeof intakes.i1,
    h: typeof holds.h1,
    ocmwNis: string,
    firstNight: string,
    nights: number,
    costPerNightCents: number,
  ) =>
    guaranteeRow({
      intakeId: i.id,
      holdId: h.id,
      placeId: h.place_id,
      ocmwNis,
      firstNight,
      nights,
      costPerNightCents,
      createdBy: by,
      createdAt: h.placed_at!,
    });
  await db
    .insertInto('guarantees')
    .values([
      g(intakes.i1, holds.h1, '13040', '2026-10-24', 2, 8500), // nights 24, 25 Oct
      g(intakes.i2, holds.h2, '13008', '2026-10-31', 3, 2000), // 31 Oct, 1 and 2 Nov: across the month end
      g(intakes.i4, holds.h4, '13040', '2026-09-30', 2, 8500), // 30 Sep and 1 Oct
      g(intakes.i6, holds.h6, '13040', '2026-10-20', 1, 7900), // Turnhout pays a hotel in Geel
    ])
    .execute();

  await db
    .insertInto('handoffs')
    .values([
      // acknowledged exactly 24 h after due: still on time
      handoffRow({
        intakeId: intakes.i1.id,
        ocmwNis: '13040',
        createdAt: '2026-10-25T01:45:00Z',
        dueAt: '2026-10-26T07:00:00Z',
        acknowledgedAt: '2026-10-27T07:00:00Z',
      }),
      // one second later: late
      handoffRow({
        intakeId: intakes.i2.id,
        ocmwNis: '13008',
        createdAt: '2026-10-31T22:35:00Z',
        dueAt: '2026-11-02T08:00:00Z',
        acknowledgedAt: '2026-11-03T08:00:01Z',
      }),
      // never acknowledged, grace long past at NOW: late
      handoffRow({
        intakeId: intakes.i3.id,
        ocmwNis: '13040',
        createdAt: '2026-10-10T20:05:00Z',
        dueAt: '2026-10-12T06:30:00Z',
      }),
      // September's
      handoffRow({
        intakeId: intakes.i4.id,
        ocmwNis: '13040',
        createdAt: '2026-09-30T20:35:00Z',
        dueAt: '2026-10-01T07:00:00Z',
        acknowledgedAt: '2026-10-01T08:00:00Z',
      }),
      // not acknowledged, but due + 24 h is after NOW: pending
      handoffRow({
        intakeId: intakes.i5.id,
        ocmwNis: '13040',
        createdAt: '2026-10-31T23:05:00Z',
        dueAt: '2026-11-05T08:00:00Z',
      }),
    ])
    .execute();
  return { calls, holds, intakes };
}
