// Escalation per region (issue 15): an OCMW's late handoffs are escalated after the delay of the region that
// serves it, not the first region's. The fixture gives Boom-Mechelen-Lier 1 hour and the Kempen 6 (the shipped
// data say 2 for both). The Kempen's desk places two homeless people: one who asked in Mechelen (12025, OCMW
// Mechelen, served by Boom-Mechelen-Lier) and one who asked in Turnhout (13040, the Kempen's).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeHomeless } from '../../test/helpers/placement';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { ManualClock } from '../clock';
import { escalateLateHandoffs } from './rounds';

const HOUR = 3_600_000;
let t: TestServer;
let worker: ApiClient;
const clock = new ManualClock('2026-11-27T22:10:00Z'); // a Friday evening
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'], clock });
  for (const [code, hours] of [
    ['kempen', 6],
    ['boom-mechelen-lier', 1],
  ] as const) {
    await sql`update regions set settings = jsonb_set(settings, '{handoffs,escalateAfterHours}', ${String(hours)}::jsonb)
      where code = ${code}`.execute(t.db.db);
  }
  worker = new ApiClient(t.url);
  await worker.login('permanentie');
});
afterAll(() => t.close());

const placed = async (requestNis: string, name: string) => (await placeHomeless(worker, requestNis, name)).handoff;

const escalated = async (id: string) =>
  (await t.db.db.selectFrom('handoffs').select('escalated_at').where('id', '=', id).executeTakeFirstOrThrow())
    .escalated_at !== null;

describe('escalating late handoffs, per region', () => {
  it("waits the delay of the OCMW's own region: one hour for Mechelen's, six for Turnhout's", async () => {
    const mechelen = await placed('12025', 'Ruben Testman');
    const turnhout = await placed('13040', 'Tom Testers');
    expect([mechelen.ocmw.nis, turnhout.ocmw.nis]).toEqual(['12025', '13040']);
    const dueM = Date.parse(mechelen.dueAt);
    const dueT = Date.parse(turnhout.dueAt);
    // Both fall due on Monday morning (the OCMWs' next opening after a Friday night): hours apart at most.
    expect(Math.abs(dueT - dueM)).toBeLessThan(2 * HOUR);
    // Half an hour into Mechelen's grace: nobody is late yet.
    clock.set(new Date(dueM + HOUR / 2));
    await escalateLateHandoffs(t.app.services);
    expect(await escalated(mechelen.id)).toBe(false);
    // Just past Mechelen's hour: its handoff is late; Turnhout's only once six hours after its own due time.
    clock.set(new Date(dueM + HOUR + 60_000));
    await escalateLateHandoffs(t.app.services);
    expect(await escalated(mechelen.id)).toBe(true);
    expect(await escalated(turnhout.id)).toBe(clock.now().getTime() >= dueT + 6 * HOUR);
    clock.set(new Date(dueT + 6 * HOUR - 60_000));
    await escalateLateHandoffs(t.app.services);
    expect(await escalated(turnhout.id)).toBe(false);
    clock.set(new Date(dueT + 6 * HOUR + 60_000));
    await escalateLateHandoffs(t.app.services);
    expect(await escalated(turnhout.id)).toBe(true);
  });
});
