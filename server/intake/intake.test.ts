// Intakes over real HTTP and a real database: a basic intake, bad input refused by field with nothing
// saved, hold and placement turning into a guarantee and a handoff, earlier contacts, audited reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  (t.clock as ManualClock).set('2026-11-27T22:10:00Z');
}); // Friday 23:10
afterAll(() => t.close());

async function as(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}
const basicIntake = (over: Record<string, unknown> = {}) => ({
  referrer: { kind: 'police', organisation: 'PZ Regio Turnhout', badge: 'INP 1234' },
  person: { name: 'Maria Janssens', birthDate: '1988-04-02' },
  household: { type: 'moeder_met_kinderen', adults: 1, children: 2, childrenAges: [4, 7] },
  ethos: 'public_space',
  facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
  ...over,
});
const countRows = async (table: 'intakes' | 'audit_log') =>
  Number(
    (
      await t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('creating an intake', () => {
  it('records a basic intake and decides the competent OCMW with rule and reason', async () => {
    const worker = await as('permanentie');
    const res = await worker.post('/api/intakes', basicIntake());
    expect(res.status).toBe(201);
    expect(res.body.competence).toMatchObject({ nis: '13040', name: 'Turnhout', rule: 'homeless' });
    expect(res.body.competence.reason.nl).toMatch(/Dakloos, verblijft feitelijk in Turnhout/);
    expect(res.body.status).toBe('open');
    expect(res.body.household).toEqual({ type: 'moeder_met_kinderen', adults: 1, children: 2, childrenAges: [4, 7] });
  });

  it.each([
    ['an impossible birth date', { person: { name: 'A B', birthDate: '1990-02-30' } }, 'body.person.birthDate'],
    ['a birth date in the future', { person: { name: 'A B', birthDate: '2030-01-01' } }, 'body.person.birthDate'],
    [
      'an unknown municipality',
      { facts: { requestNis: '13040', housing: 'homeless', stayNis: '99999' } },
      'body.facts.stayNis',
    ],
    [
      'children not matching the household',
      { household: { type: 'moeder_met_kinderen', adults: 1, children: 0 } },
      'body.household.children',
    ],
    [
      'ages not matching the children',
      { household: { type: 'gezin_met_kinderen', adults: 2, children: 3, childrenAges: [2, 5] } },
      'body.household.childrenAges',
    ],
    [
      'a single man with children',
      { household: { type: 'alleenstaande_man', adults: 1, children: 1 } },
      'body.household.children',
    ],
    ['an unknown call', { callId: '00000000-0000-4000-8000-000000000000' }, 'body.callId'],
    ['an override without a reason', { override: { nis: '13008', reason: 'omdat' } }, 'body.override.reason'],
  ])('refuses %s with 400 naming the field, and saves nothing', async (_label, over, field) => {
    const worker = await as('permanentie');
    const [intakes, audits] = [await countRows('intakes'), await countRows('audit_log')];
    const res = await worker.post('/api/intakes', basicIntake(over));
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(res.body.error).toContain(field);
    expect(await countRows('intakes')).toBe(intakes);
    expect(await countRows('audit_log')).toBe(audits + 0);
  });
});

describe('from hold to placement', () => {
  it('holds a suitable place with initials only, then places: guarantee to the next working day and a handoff', async () => {
    const worker = await as('permanentie');
    const intake = (
      await worker.post('/api/intakes', basicIntake({ person: { name: 'Fatima El Amrani', birthDate: '1991-06-15' } }))
    ).body;
    const board = (await worker.get('/api/board?adults=1&children=2&needs=women')).body.places as any[];
    const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel');
    const held = await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id });
    expect(held.status).toBe(201);
    expect(held.body.hold).toMatchObject({ status: 'held', place: { id: place.id } });
    const onBoard = ((await worker.get('/api/board')).body.places as any[]).find((p) => p.id === place.id);
    expect(onBoard.holds.map((h: any) => h.initials)).toContain('F.E.A.');
    expect(JSON.stringify(onBoard)).not.toContain('Fatima');

    const placed = await worker.post(`/api/intakes/${intake.id}/place`);
    expect(placed.status).toBe(200);
    expect(placed.body.status).toBe('placed');
    // Friday 23:10: Friday, Saturday and Sunday night; Turnhout opens Monday 30 Nov.
    expect(placed.body.guarantee).toEqual({
      ocmw: { nis: '13040', name: 'Turnhout' },
      firstNight: '2026-11-27',
      nights: 3,
      costPerNightCents: place.costPerNightCents,
      totalCents: 3 * place.costPerNightCents,
    });
    expect(placed.body.handoff).toMatchObject({ status: 'open', ocmw: { nis: '13040' } });
    const ocmw = await t.db.db
      .selectFrom('ocmws')
      .select('calendar')
      .where('municipality_nis', '=', '13040')
      .executeTakeFirstOrThrow();
    const opening = (ocmw.calendar as any).hours.mon[0].start as string;
    expect(new Date(placed.body.handoff.dueAt).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' })).toBe(
      `2026-11-30 ${opening}:00`,
    );
    const again = await worker.post(`/api/intakes/${intake.id}/place`);
    expect(again.status).toBe(409);
    expect(
      await t.db.db.selectFrom('guarantees').select('id').where('intake_id', '=', intake.id).execute(),
    ).toHaveLength(1);
  });

  it('a hold that expired cannot be placed; nothing is written', async () => {
    const worker = await as('permanentie');
    const intake = (
      await worker.post(
        '/api/intakes',
        basicIntake({ person: { name: 'J.P.' }, household: { type: 'alleenstaande_man', adults: 1, children: 0 } }),
      )
    ).body;
    const place = ((await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[]).find(
      (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
    );
    await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id, minutes: 15 });
    (t.clock as ManualClock).set('2026-11-27T22:40:00Z');
    const res = await worker.post(`/api/intakes/${intake.id}/place`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/expired|hold a place again/i);
    expect(await t.db.db.selectFrom('handoffs').select('id').where('intake_id', '=', intake.id).execute()).toHaveLength(
      0,
    );
    (t.clock as ManualClock).set('2026-11-27T22:10:00Z');
  });

  it('the worker overrides the competent OCMW with a reason before placement, not after', async () => {
    const worker = await as('permanentie');
    const intake = (await worker.post('/api/intakes', basicIntake({ person: { name: 'K.L.' } }))).body;
    const short = await worker.post(`/api/intakes/${intake.id}/competence`, { nis: '13008', reason: 'kort' });
    expect(short.status).toBe(400);
    const res = await worker.post(`/api/intakes/${intake.id}/competence`, {
      nis: '13008',
      reason: 'woont sinds maand bij zus in Geel',
    });
    expect(res.body.competence).toMatchObject({
      nis: '13008',
      override: { reason: 'woont sinds maand bij zus in Geel' },
      law: { nis: '13040' },
    });
  });
});

describe('earlier contacts and reading', () => {
  it('links intakes of the same person (name + birth date, however typed) and audits every read', async () => {
    const worker = await as('permanentie');
    const first = (
      await worker.post(
        '/api/intakes',
        basicIntake({
          person: { name: 'Jan Peeters', birthDate: '1970-01-31' },
          household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        }),
      )
    ).body;
    const other = (
      await worker.post(
        '/api/intakes',
        basicIntake({
          person: { name: 'Jan Peeters', birthDate: '1971-01-31' },
          household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        }),
      )
    ).body;
    const second = (
      await worker.post(
        '/api/intakes',
        basicIntake({
          person: { name: '  jan  PEETERS ', birthDate: '1970-01-31' },
          household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        }),
      )
    ).body;
    expect(second.earlier.map((e: any) => e.id)).toEqual([first.id]);
    expect(other.earlier).toEqual([]);
    const coordinator = await as('coordinator');
    const read = await coordinator.get(`/api/intakes/${second.id}`);
    expect(read.status).toBe(200);
    const coordId = (
      await t.db.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow()
    ).id;
    const reads = await t.db.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('user_id', '=', coordId)
      .where('action', '=', 'read')
      .where('subject_type', '=', 'intake')
      .execute();
    expect(reads.map((r) => r.subject_id).sort()).toEqual([first.id, second.id].sort());
  });

  it('an admin reads no personal records; OCMW staff only through their own handoffs', async () => {
    const worker = await as('permanentie');
    const intake = (await worker.post('/api/intakes', basicIntake({ person: { name: 'X.Y.' } }))).body;
    expect((await (await as('admin')).get(`/api/intakes/${intake.id}`)).status).toBe(403);
    expect((await (await as('ocmw-turnhout')).get(`/api/intakes/${intake.id}`)).status).toBe(403); // not handed off yet
  });
});

describe('the reference', () => {
  it('numbers the intakes of one desk night K-<ddmm>-01, 02, ... and shows it on the case and in the list', async () => {
    // The server's clock: Friday 27 Nov 2026 23:10 Brussels, the night of 27 November.
    const worker = await as('permanentie');
    const before = await t.db.db
      .selectFrom('intakes')
      .select('reference')
      .where('reference_night', '=', '2026-11-27')
      .execute();
    const a = (await worker.post('/api/intakes', basicIntake({ person: { name: 'Ref Een' } }))).body;
    const b = (await worker.post('/api/intakes', basicIntake({ person: { name: 'Ref Twee' } }))).body;
    const n = before.length;
    expect(a.reference).toBe(`K-2711-${String(n + 1).padStart(2, '0')}`);
    expect(b.reference).toBe(`K-2711-${String(n + 2).padStart(2, '0')}`);
    const list = (await worker.get('/api/intakes')).body as { id: string; reference: string }[];
    expect(list.find((i) => i.id === b.id)?.reference).toBe(b.reference);
  });

  it('gives 20 intakes racing on one night, on two instances, 20 different numbers', async () => {
    const { startSecondInstance } = await import('../../test/helpers/second-instance');
    const second = await startSecondInstance(t);
    const worker = await as('permanentie');
    const other = new ApiClient(second.url);
    await other.login('coordinator');
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : worker).post('/api/intakes', basicIntake({ person: { name: `Race ${i}` } })),
      ),
    );
    await second.close();
    expect(made.map((r) => r.status)).toEqual(Array(20).fill(201));
    const refs = made.map((r) => r.body.reference as string);
    expect(new Set(refs).size).toBe(20);
    const numbers = refs.map((r) => Number(r.split('-')[2])).sort((x, y) => x - y);
    expect(numbers[19]! - numbers[0]!).toBe(19); // no gaps, no repeats
  });
});
