// Handoffs to the competent OCMW: the access matrix, acknowledge / follow-up / forward / close with
// history, escalation and the morning digest once across two instances, and the shift summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { startSecondInstance } from '../../test/helpers/second-instance';
import { escalateLateHandoffs, sendMorningDigests } from './rounds';
import { sendHandoverSms, shiftSummary } from './shift-summary';

let t: TestServer;
const clock = () => t.clock as ManualClock;
beforeAll(async () => {
  t = await startTestServer();
  clock().set('2026-11-24T21:00:00Z');
}); // Tuesday 22:00
afterAll(() => t.close());

async function as(username: string) {
  const c = new ApiClient(t.url);
  await c.login(username);
  return c;
}

/** A person placed tonight whose competent OCMW is the municipality `nis`. */
async function placedCase(worker: ApiClient, nis: string, name: string) {
  const intake = (
    await worker.post('/api/intakes', {
      referrer: { kind: 'hospital', organisation: 'AZ Turnhout spoed' },
      person: { name },
      household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
      ethos: 'leaving_institution',
      facts: { requestNis: nis, housing: 'homeless', stayNis: nis },
    })
  ).body;
  const place = ((await worker.get('/api/board?adults=1&children=0&needs=women')).body.places as any[]).find(
    (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
  );
  expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
  const placed = await worker.post(`/api/intakes/${intake.id}/place`);
  expect(placed.status).toBe(200);
  return placed.body;
}
const outbox = (kind: string) =>
  t.db.db.selectFrom('outbox').select(['to_number', 'body', 'dedupe_key']).where('kind', '=', kind).execute();

describe('the OCMW queue', () => {
  it('OCMW staff see only their municipality: Turnhout gets 403 on a Geel handoff, every read is audited', async () => {
    const worker = await as('permanentie');
    const geel = await placedCase(worker, '13008', 'Greet Geelmans');
    const turnhoutCase = await placedCase(worker, '13040', 'Tine Turnhouts');
    clock().set('2026-11-25T08:30:00Z'); // Wednesday 09:30
    const turnhout = await as('ocmw-turnhout');
    const queue = (await turnhout.get('/api/handoffs')).body as any[];
    expect(queue.map((h) => h.id)).toContain(turnhoutCase.handoff.id);
    expect(queue.every((h) => h.ocmw.nis === '13040')).toBe(true);
    expect((await turnhout.get(`/api/handoffs/${geel.handoff.id}`)).status).toBe(403);
    expect((await turnhout.get(`/api/intakes/${geel.id}`)).status).toBe(403);
    expect((await turnhout.post(`/api/handoffs/${geel.handoff.id}/acknowledge`)).status).toBe(403);
    const geelStaff = await as('ocmw-geel');
    const read = await geelStaff.get(`/api/handoffs/${geel.handoff.id}`);
    expect(read.status).toBe(200);
    expect(read.body.person.name).toBe('Greet Geelmans');
    const geelId = (
      await t.db.db.selectFrom('users').select('id').where('username', '=', 'ocmw-geel').executeTakeFirstOrThrow()
    ).id;
    const audited = await t.db.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('user_id', '=', geelId)
      .where('action', '=', 'read')
      .execute();
    expect(audited.map((a) => a.subject_id)).toContain(geel.id);
    expect((await (await as('admin')).get('/api/handoffs')).status).toBe(403);
  });

  it('acknowledge (who, when), follow-up, close; a second acknowledge is refused', async () => {
    clock().set('2026-11-25T20:00:00Z');
    const worker = await as('permanentie');
    const c = await placedCase(worker, '13040', 'Ans Aerts');
    clock().set('2026-11-26T08:10:00Z'); // Thursday 09:10
    const els = await as('ocmw-turnhout');
    expect((await els.post(`/api/handoffs/${c.handoff.id}/close`, {})).status).toBe(409);
    const ack = await els.post(`/api/handoffs/${c.handoff.id}/acknowledge`);
    expect(ack.body.handoff).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-11-26T08:10:00.000Z',
      acknowledgedBy: 'Els Sociaal Huis Turnhout',
    });
    expect((await els.post(`/api/handoffs/${c.handoff.id}/acknowledge`)).status).toBe(409);
    expect((await els.post(`/api/handoffs/${c.handoff.id}/follow-up`, { outcome: 'vergeten' })).status).toBe(400);
    const fu = await els.post(`/api/handoffs/${c.handoff.id}/follow-up`, {
      outcome: 'trajectory_started',
      note: 'afspraak maandag',
    });
    expect(fu.body.handoff.outcome).toBe('trajectory_started');
    const closed = await els.post(`/api/handoffs/${c.handoff.id}/close`, {});
    expect(closed.body.handoff.status).toBe('closed');
    expect(closed.body.handoff.events.map((e: any) => e.kind)).toEqual([
      'created',
      'acknowledged',
      'follow_up',
      'closed',
    ]);
  });

  it('forwards within 5 calendar days with the reason; the new OCMW sees the history, the old one no longer the case', async () => {
    clock().set('2026-11-26T21:00:00Z');
    const worker = await as('permanentie');
    const c = await placedCase(worker, '13040', 'Bart Boeckx');
    clock().set('2026-11-27T08:20:00Z'); // Friday 09:20
    const els = await as('ocmw-turnhout');
    await els.post(`/api/handoffs/${c.handoff.id}/acknowledge`);
    expect(
      (
        await els.post(`/api/handoffs/${c.handoff.id}/forward`, {
          toNis: '99999',
          reason: 'woont eigenlijk elders al jaren',
        })
      ).status,
    ).toBe(400);
    const fwd = await els.post(`/api/handoffs/${c.handoff.id}/forward`, {
      toNis: '13008',
      reason: 'verblijft sinds maanden feitelijk in Geel',
    });
    expect(fwd.status).toBe(200);
    expect(fwd.body).toMatchObject({ ocmwNis: '13008', status: 'open' });
    expect((await els.get(`/api/handoffs/${c.handoff.id}`)).status).toBe(403);
    const geel = await (await as('ocmw-geel')).get(`/api/handoffs/${c.handoff.id}`);
    expect(geel.body.handoff.events.map((e: any) => [e.kind, e.ocmw])).toEqual([
      ['created', 'Turnhout'],
      ['acknowledged', 'Turnhout'],
      ['forwarded', 'Geel'],
    ]);
    expect(geel.body.handoff.events[2].detail).toMatchObject({
      from: '13040',
      to: '13008',
      reason: 'verblijft sinds maanden feitelijk in Geel',
    });
    expect(geel.body.guarantee.ocmw.nis).toBe('13008');
  });

  it('refuses to forward after the 5 calendar days', async () => {
    clock().set('2026-11-30T20:00:00Z');
    const worker = await as('permanentie');
    const c = await placedCase(worker, '13040', 'Carl Claes'); // due Tuesday 1 Dec
    clock().set('2026-12-07T08:00:00Z');
    const res = await (await as('ocmw-turnhout')).post(`/api/handoffs/${c.handoff.id}/forward`, {
      toNis: '13008',
      reason: 'verblijft feitelijk in Geel sinds juni',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/5 calendar days to forward this case ended on 2026-12-06/);
  });
});

describe('escalation, digest and shift summary', () => {
  it('sends the morning digest at opening and escalates once, across two instances', async () => {
    clock().set('2026-12-08T21:00:00Z'); // Tuesday 22:00
    const worker = await as('permanentie');
    const c = await placedCase(worker, '13008', 'Dirk Dox');
    const second = await startSecondInstance(t);
    try {
      clock().set('2026-12-09T07:30:00Z'); // 08:30: Geel not open yet
      expect(await sendMorningDigests(t.app.services)).toBe(0);
      clock().set(new Date(Date.parse(c.handoff.dueAt) + 60_000).toISOString());
      const waiting = await t.db.db
        .selectFrom('handoffs')
        .select('id')
        .where('ocmw_nis', '=', '13008')
        .where('status', '=', 'open')
        .where('digested_at', 'is', null)
        .where('due_at', '<=', clock().now())
        .execute();
      expect(waiting.map((w) => w.id)).toContain(c.handoff.id);
      await Promise.all([sendMorningDigests(t.app.services), sendMorningDigests(second.app.services)]);
      expect(await sendMorningDigests(t.app.services)).toBe(0);
      const digests = (await outbox('digest')).filter((d) => d.to_number === '+32476400008');
      expect(digests).toHaveLength(1);
      expect(digests[0]!.body).toMatch(
        new RegExp(`${waiting.length} nieuwe overdrachten? voor OCMW Geel.*/overdrachten`),
      );

      clock().set(new Date(Date.parse(c.handoff.dueAt) + 2 * 3_600_000 + 60_000).toISOString());
      const lateGeel = await t.db.db
        .selectFrom('handoffs')
        .select('id')
        .where('ocmw_nis', '=', '13008')
        .where('status', '=', 'open')
        .where('escalated_at', 'is', null)
        .where('due_at', '<=', new Date(clock().now().getTime() - 2 * 3_600_000))
        .execute();
      expect(lateGeel.length).toBeGreaterThan(1); // earlier tests left Geel handoffs open: they go in the same text
      await Promise.all([escalateLateHandoffs(t.app.services), escalateLateHandoffs(second.app.services)]);
      await escalateLateHandoffs(t.app.services);
      // One text per person with the count, not one identical text per handoff.
      const esc = (await outbox('escalation')).filter((e) => e.body.includes('OCMW Geel'));
      expect(esc.map((e) => e.to_number).sort()).toEqual(['+32476400008', '+32478223344']);
      expect(esc[0]!.body).toMatch(
        new RegExp(
          `^Permanentie: ${lateGeel.length} overdrachten voor OCMW Geel, de oudste verwacht .* zijn nog niet bevestigd`,
        ),
      );
    } finally {
      await second.close();
    }
  }, 120_000); // it starts a second instance, slow on a loaded machine (CI once took over 30 s here)

  it('an acknowledged handoff is not escalated', async () => {
    clock().set('2026-12-09T20:00:00Z');
    const worker = await as('permanentie');
    const c = await placedCase(worker, '13008', 'Eva Eyckmans');
    clock().set(new Date(Date.parse(c.handoff.dueAt) + 30 * 60_000).toISOString());
    await (await as('ocmw-geel')).post(`/api/handoffs/${c.handoff.id}/acknowledge`);
    clock().set(new Date(Date.parse(c.handoff.dueAt) + 5 * 3_600_000).toISOString());
    await escalateLateHandoffs(t.app.services);
    expect((await outbox('escalation')).filter((e) => e.dedupe_key?.includes(c.handoff.id))).toHaveLength(0);
  });

  it('the shift summary lists what is open, and the incoming worker gets it by SMS once', async () => {
    clock().set('2026-12-10T20:00:00Z');
    const worker = await as('permanentie');
    const intake = (
      await worker.post('/api/intakes', {
        referrer: { kind: 'police', organisation: 'PZ Kempen Noord-Oost' },
        person: { name: 'Frans Fens' },
        household: { type: 'alleenstaande_man', adults: 1, children: 0 },
        ethos: 'public_space',
        facts: { requestNis: '13040', housing: 'homeless' },
      })
    ).body;
    const place = ((await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[]).find(
      (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
    );
    await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id, minutes: 240 });
    const summary = (await worker.get('/api/handover')).body;
    expect(summary.holds.map((h: any) => h.initials)).toContain('F.F.');
    expect(summary.handoffsOpen.length).toBeGreaterThan(0);
    expect(summary.staleHotels.length).toBe(
      (await t.db.db.selectFrom('places').select('id').where('type', '=', 'hotel').execute()).length,
    );
    expect(JSON.stringify(summary)).not.toContain('Frans');
    expect((await (await as('ocmw-turnhout')).get('/api/handover')).status).toBe(403);

    // The demo week hands over on Monday 08:30 to the next of four; out of hours the shift starts at 17:00.
    clock().set('2026-12-14T16:05:00Z'); // Monday 17:05
    const n1 = await sendHandoverSms(t.app.services);
    const n2 = await sendHandoverSms(t.app.services);
    expect([n1, n2]).toEqual([1, 0]);
    const sms = await outbox('handover');
    expect(sms).toHaveLength(1);
    const s = await shiftSummary(t.app.services, 'kempen');
    expect(sms[0]!.body).toContain(`${s.holds.length} vastgehouden`);
    expect(sms[0]!.body).toContain(`${s.handoffsOpen.length} overdrachten niet bevestigd`);
  });
});
