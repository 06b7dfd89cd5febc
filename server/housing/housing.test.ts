// The road home, through the API: a family placed tonight is registered from its handoff, ranked for
// a transit home by the published rules, allocated, moves in and leaves; bad input is refused naming
// the field with nothing written; OCMW staff see only their municipality; reads are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
const clock = () => t.clock as ManualClock;
const c = {} as Record<'worker' | 'coordinator' | 'turnhout' | 'geel' | 'allocator', ApiClient>;
/** Moves the desk's clock and signs everyone in again (a session lasts 16 hours on that clock). */
async function at(instant: string) {
  clock().set(instant);
  for (const [k, u] of [
    ['worker', 'permanentie'],
    ['coordinator', 'coordinator'],
    ['turnhout', 'ocmw-turnhout'],
    ['geel', 'ocmw-geel'],
    ['allocator', 'toewijzer'],
  ] as const) {
    c[k] = new ApiClient(t.url);
    await c[k].login(u);
  }
}
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const homeId = async (name: string) =>
  ((await c.allocator.get('/api/housing/homes')).body.homes as any[]).find((h) => h.name === name).id as string;
const count = async (table: 'housing_registrations' | 'housing_allocations' | 'housing_trajectories') =>
  Number(
    (
      await t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const byHand = (over: Record<string, unknown>) => ({
  municipalityNis: '13008',
  ethos: 'with_family_friends',
  origin: 'with_network',
  urgency: 'normal',
  supportNeeds: [],
  ...over,
});

/** A mother with two children placed tonight in Turnhout: the handoff goes to OCMW Turnhout. */
async function placedFamily(): Promise<string> {
  const intake = (
    await c.worker.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Regio Turnhout' },
      person: { name: 'Fatima Wegwijzer' },
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
      ethos: 'public_space',
      facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
    })
  ).body;
  const place = ((await c.worker.get('/api/board?adults=1&children=2')).body.places as any[]).find(
    (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
  );
  expect((await c.worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
  expect((await c.worker.post(`/api/intakes/${intake.id}/place`)).status).toBe(200);
  return (
    await t.db.db.selectFrom('handoffs').select('id').where('intake_id', '=', intake.id).executeTakeFirstOrThrow()
  ).id;
}

const ids = { family: '', man: '', couple: '', second: '', familyAllocation: '', trajectory: '' };

describe('registration', () => {
  it('by hand: the CAW (coordinator) registers; a missing field is named and nothing is written', async () => {
    await at('2026-10-01T08:00:00Z');
    const before = await count('housing_registrations');
    const bad = await c.coordinator.post('/api/housing/registrations', { origin: 'hotel', urgency: 'acute' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path).sort()).toEqual([
      'body.ethos',
      'body.household',
      'body.municipalityNis',
      'body.personName',
    ]);
    expect(await count('housing_registrations')).toBe(before);
    const man = await c.coordinator.post(
      '/api/housing/registrations',
      byHand({
        personName: 'Marc Alleen',
        household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        urgency: 'acute',
        origin: 'hotel',
      }),
    );
    expect(man.status, JSON.stringify(man.body)).toBe(201);
    expect(man.body).toMatchObject({ status: 'waiting', registeredByKind: 'caw', municipalityNis: '13008' });
    ids.man = man.body.id;
    await at('2026-10-15T08:00:00Z');
    ids.couple = (
      await c.coordinator.post(
        '/api/housing/registrations',
        byHand({ personName: 'Koppel Verwacht', household: { type: 'zwanger_koppel', adults: 2, children: 0 } }),
      )
    ).body.id;
  });

  it('from a handoff: OCMW Turnhout gets the intake prefilled, registers once', async () => {
    await at('2026-11-24T21:00:00Z');
    const handoff = await placedFamily();
    await at('2026-11-25T09:00:00Z');
    const pre = await c.turnhout.get(`/api/housing/prefill/${handoff}`);
    expect(pre.body).toMatchObject({
      personName: 'Fatima Wegwijzer',
      municipalityNis: '13040',
      ethos: 'public_space',
      household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
    });
    const made = await c.turnhout.post('/api/housing/registrations', {
      handoffId: handoff,
      origin: 'crisis_centre',
      urgency: 'high',
      supportNeeds: ['caw_guidance'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      personName: 'Fatima Wegwijzer',
      registeredByKind: 'ocmw',
      handoffId: handoff,
      supportNeeds: ['caw_guidance'],
    });
    ids.family = made.body.id;
    expect(
      (
        await c.turnhout.post('/api/housing/registrations', {
          handoffId: handoff,
          origin: 'crisis_centre',
          urgency: 'high',
        })
      ).status,
    ).toBe(409);
    expect((await c.geel.get(`/api/housing/prefill/${handoff}`)).status).toBe(403);
  });

  it('OCMW staff see their own municipality only, and every read is audited', async () => {
    const list = (await c.geel.get('/api/housing/registrations')).body as any[];
    expect(list.map((r) => r.personName).sort()).toEqual(['Koppel Verwacht', 'Marc Alleen']);
    expect((await c.geel.get(`/api/housing/registrations/${ids.family}`)).status).toBe(403);
    expect((await c.turnhout.get(`/api/housing/registrations/${ids.family}`)).status).toBe(200);
    const reads = await t.db.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('subject_type', '=', 'housing_registration')
      .where('action', '=', 'read')
      .execute();
    expect(reads.map((r) => r.subject_id)).toEqual(expect.arrayContaining([ids.man, ids.couple, ids.family]));
    expect((await c.worker.get('/api/housing/registrations')).status).toBe(403);
  });

  it("the person's access report (GDPR art. 15) lists the reads of the registration made from the handoff", async () => {
    const intakeId = (
      await t.db.db
        .selectFrom('handoffs')
        .innerJoin('housing_registrations as r', 'r.handoff_id', 'handoffs.id')
        .select('handoffs.intake_id')
        .where('r.id', '=', ids.family)
        .executeTakeFirstOrThrow()
    ).intake_id;
    const report = (await c.coordinator.post('/api/privacy/access-report', { intakeId })).body;
    const housing = report.entries.filter((e: any) => e.record === 'housing_registration');
    expect(housing.map((e: any) => [e.action, e.by])).toEqual(
      expect.arrayContaining([
        ['create', 'Els Sociaal Huis Turnhout'],
        ['read', 'Els Sociaal Huis Turnhout'],
      ]),
    );
    expect(housing.every((e: any) => e.intakeId === intakeId)).toBe(true);
  });
});

describe('allocation', () => {
  it('proposes the waiting households ranked with their reasons', async () => {
    const p = (await c.allocator.get(`/api/housing/homes/${await homeId('Doorgangswoning Turnhout Centrum')}/proposal`))
      .body;
    // Both have children (the couple is expecting); the family's urgency is high, the couple's normal.
    expect(p.ranked.map((r: any) => [r.personName, r.rank, r.decidedBy])).toEqual([
      ['Fatima Wegwijzer', 1, 'urgency'],
      ['Koppel Verwacht', 2, null],
    ]);
    expect(p.ranked[1].reasons.map((r: any) => r.nl)).toEqual([
      'zwanger: telt als gezin met kinderen',
      'urgentie gewoon',
      'wacht 41 dag(en)',
      '1 slaapkamer(s) meer dan nodig',
    ]);
    expect(p.excluded.map((r: any) => r.personName)).toEqual(['Marc Alleen']);
    expect(p.rules[1].nl).toBe('Huishoudens met kinderen (of zwanger) eerst.');
  });

  it('refuses a household the home does not fit, and a departure from the ranking without a reason; nothing written', async () => {
    const home = await homeId('Doorgangswoning Turnhout Centrum');
    const misfit = await c.allocator.post(`/api/housing/homes/${home}/allocate`, { registrationId: ids.man });
    expect(misfit.status).toBe(400);
    expect(misfit.body.issues[0].path).toBe('body.registrationId');
    const noReason = await c.allocator.post(`/api/housing/homes/${home}/allocate`, { registrationId: ids.couple });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues[0].path).toBe('body.reason');
    expect(await count('housing_allocations')).toBe(0);
    expect((await c.allocator.get(`/api/housing/registrations/${ids.couple}`)).body.status).toBe('waiting');
  });

  it('records the reason when the allocator departs from the ranking; a second decision on the home is refused', async () => {
    const home = await homeId('Doorgangswoning Turnhout Centrum');
    const ok = await c.allocator.post(`/api/housing/homes/${home}/allocate`, {
      registrationId: ids.couple,
      reason: 'De baby wordt volgende week geboren, de moeder heeft een crisisbed.',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      rank: 2,
      reason: 'De baby wordt volgende week geboren, de moeder heeft een crisisbed.',
    });
    const stored = await t.db.db
      .selectFrom('housing_allocations')
      .select(['ranking', 'rank'])
      .where('id', '=', ok.body.id)
      .executeTakeFirstOrThrow();
    expect((stored.ranking as any).ranked.map((r: any) => r.id)).toEqual([ids.family, ids.couple]);
    expect((await c.allocator.post(`/api/housing/homes/${home}/allocate`, { registrationId: ids.family })).status).toBe(
      409,
    );
    expect(
      (await c.coordinator.post(`/api/housing/homes/${home}/allocate`, { registrationId: ids.family })).status,
    ).toBe(403);
  });

  it('allocates the family the first of the ranking for another home, without a reason', async () => {
    const a = await c.allocator.post(`/api/housing/homes/${await homeId('Doorgangswoning Geel Markt')}/allocate`, {
      registrationId: ids.family,
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ rank: 1, reason: null });
    ids.familyAllocation = a.body.id;
  });
});

describe('trajectory', () => {
  const guidance = { by: 'caw', frequency: 'weekly' };
  it('moves in (not before the decision), then the home shows occupied', async () => {
    const early = await c.turnhout.post(`/api/housing/allocations/${ids.familyAllocation}/move-in`, {
      moveIn: '2026-11-20',
      guidance,
    });
    expect(early.status).toBe(400);
    expect(early.body.issues[0].path).toBe('body.moveIn');
    expect(await count('housing_trajectories')).toBe(0);
    const moved = await c.turnhout.post(`/api/housing/allocations/${ids.familyAllocation}/move-in`, {
      moveIn: '2026-12-01',
      guidance,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    ids.trajectory = moved.body.id;
    const home = ((await c.worker.get('/api/housing/homes')).body.homes as any[]).find(
      (h) => h.name === 'Doorgangswoning Geel Markt',
    );
    expect(home).toMatchObject({ status: 'occupied', occupiedSince: '2026-12-01' });
    expect(JSON.stringify(home)).not.toContain('Fatima');
  });

  it('refuses a move-in on an occupied home and an outflow before the move-in, naming the field', async () => {
    await at('2026-12-02T09:00:00Z');
    ids.second = (
      await c.coordinator.post(
        '/api/housing/registrations',
        byHand({ personName: 'Gezin Volgend', household: { type: 'gezin_met_kinderen', adults: 2, children: 3 } }),
      )
    ).body.id;
    const alloc = await c.allocator.post(`/api/housing/homes/${await homeId('Doorgangswoning Geel Markt')}/allocate`, {
      registrationId: ids.second,
    });
    expect(alloc.status, JSON.stringify(alloc.body)).toBe(201);
    const occupied = await c.geel.post(`/api/housing/allocations/${alloc.body.id}/move-in`, {
      moveIn: '2026-12-03',
      guidance,
    });
    expect(occupied.status).toBe(400);
    expect(occupied.body.issues[0].path).toBe('body.moveIn');
    expect(await count('housing_trajectories')).toBe(1);
    const before = await c.turnhout.post(`/api/housing/trajectories/${ids.trajectory}/end`, {
      endDate: '2026-11-30',
      kind: 'private_rental',
      destination: '13040',
    });
    expect(before.status).toBe(400);
    expect(before.body.issues[0].path).toBe('body.endDate');
    expect(
      (
        await c.geel.post(`/api/housing/trajectories/${ids.trajectory}/end`, {
          endDate: '2027-04-01',
          kind: 'private_rental',
          destination: '13040',
        })
      ).status,
    ).toBe(403);
    const ended = await c.turnhout.post(`/api/housing/trajectories/${ids.trajectory}/end`, {
      endDate: '2027-04-01',
      kind: 'private_rental',
      destination: '13040',
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ endKind: 'private_rental', destination: '13040', stayMonths: 4 });
    const tooSoon = await c.geel.post(`/api/housing/allocations/${alloc.body.id}/move-in`, {
      moveIn: '2027-03-31',
      guidance,
    });
    expect(tooSoon.status).toBe(400);
    expect(
      (await c.geel.post(`/api/housing/allocations/${alloc.body.id}/move-in`, { moveIn: '2027-04-01', guidance }))
        .status,
    ).toBe(201);
  });

  it('occupancy per month counts home-days', async () => {
    const months = (await c.coordinator.get('/api/housing/occupancy?from=2026-12&to=2026-12')).body;
    // Six demo homes all month (186 home-days); the family lived in Geel Markt all 31 days of December.
    expect(months).toEqual([{ month: '2026-12', homeDays: 186, occupiedDays: 31, rate: 0.167 }]);
  });
});

describe('pool and contingent', () => {
  it('shows per municipality the target (1 per 10,000, at least one) against the homes it brings', async () => {
    const { targets } = (await c.coordinator.get('/api/housing/homes')).body;
    expect(targets.find((m: any) => m.nis === '13040')).toMatchObject({ population: 47305, target: 5, brought: 2 });
    expect(targets.find((m: any) => m.nis === '13002')).toMatchObject({ target: 1, brought: 0 });
  });

  it('adds a home; a bad municipality or kind is named', async () => {
    const bad = await c.coordinator.post('/api/housing/homes', {
      name: 'X',
      municipalityNis: '99999',
      kind: 'villa',
      suits: ['men'],
      activeFrom: '2026-12-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.path)).toContain('body.kind');
    const outside = await c.coordinator.post('/api/housing/homes', {
      name: 'X',
      municipalityNis: '11002',
      kind: '1_bedroom',
      suits: ['men'],
      activeFrom: '2026-12-01',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.issues[0].path).toBe('body.municipalityNis');
    expect(
      (
        await c.coordinator.post('/api/housing/homes', {
          name: 'Doorgangswoning Baarle',
          municipalityNis: '13002',
          kind: '1_bedroom',
          suits: ['women', 'families'],
          activeFrom: '2026-12-01',
        })
      ).status,
    ).toBe(201);
  });

  it('grants accelerated allocations up to the target and refuses one more', async () => {
    const r1 = (
      await c.coordinator.post('/api/housing/contingent', {
        municipalityNis: '13002',
        referrer: 'caw',
        householdType: 'moeder_met_kinderen',
      })
    ).body;
    const r2 = (
      await c.coordinator.post('/api/housing/contingent', {
        municipalityNis: '13002',
        referrer: 'youth_care',
        householdType: 'alleenstaande_man',
      })
    ).body;
    expect((await c.allocator.post(`/api/housing/contingent/${r1.id}/decide`, { status: 'granted' })).status).toBe(200);
    const over = await c.allocator.post(`/api/housing/contingent/${r2.id}/decide`, { status: 'granted' });
    expect(over.status).toBe(409);
    expect(over.body.error).toContain('1 of 1');
    const overview = (await c.coordinator.get('/api/housing/contingent?year=2026')).body;
    expect(overview.municipalities.find((m: any) => m.nis === '13002')).toEqual({
      nis: '13002',
      name: 'Baarle-Hertog',
      target: 1,
      granted: 1,
      requested: 1,
      available: 0,
    });
    expect(overview.byReferrer).toEqual(
      expect.arrayContaining([
        { referrer: 'caw', requests: 1 },
        { referrer: 'youth_care', requests: 1 },
      ]),
    );
    expect(
      (
        await c.turnhout.post('/api/housing/contingent', {
          municipalityNis: '13002',
          referrer: 'ocmw',
          householdType: 'alleenstaande_man',
        })
      ).status,
    ).toBe(403);
  });
});
