// A missed call's alarm stays in its region (issue 15): with nobody on the rota only the called region's
// coordinators are texted, and an "OK" by SMS takes the latest open alarm of the sender's own regions.
// Two regions in one instance, a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { missedCall as loggedMissedCall } from '../../../test/helpers/missed-call';
import { startTestServer, type TestServer } from '../../../test/helpers/server';
import { acknowledgeLatestAlarm } from './alarms';

// The demo's coordinators (server/seed/demo.ts): one per region.
const KEMPEN_COORDINATOR = '+32478223344';
const BML_COORDINATOR = '+32478667788';

let t: TestServer;
const clock = new ManualClock('2026-10-25T01:00:00Z');
beforeAll(async () => {
  t = await startTestServer({ regions: ['kempen', 'boom-mechelen-lier'], clock });
});
afterAll(() => t.close());

/** A missed call at `at` (the alarm is raised then: later calls' alarms are newer). */
async function missedCall(region: string, from: string, at: string) {
  clock.set(at);
  return loggedMissedCall(t, region, from);
}

const textedFor = async (callId: string) =>
  (
    await t.db.db
      .selectFrom('outbox')
      .select('to_number')
      .where('dedupe_key', 'like', `alarm:${callId}:%`)
      .orderBy('to_number')
      .execute()
  ).map((r) => r.to_number);
const userId = async (username: string) =>
  (await t.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe("a missed call's alarm, per region", () => {
  it("with nobody on the rota, texts the called region's coordinators only", async () => {
    const kempen = await missedCall('kempen', '+32499100001', '2026-10-25T01:10:00Z');
    const bml = await missedCall('boom-mechelen-lier', '+32499100002', '2026-10-25T01:20:00Z');
    expect(await textedFor(kempen)).toEqual([KEMPEN_COORDINATOR]);
    expect(await textedFor(bml)).toEqual([BML_COORDINATOR]);
  });

  it("an OK by SMS takes the latest open alarm of the sender's regions, not a newer one elsewhere", async () => {
    // Open now: the Kempen's call of 01:10 and BML's of 01:20 (the newest of all).
    const kempenWorker = await userId('an.peeters');
    const taken = await acknowledgeLatestAlarm(t.app.services, kempenWorker);
    expect(taken?.from).toBe('+32499100001');
    const bmlWorker = await userId('bart.de.smet');
    expect((await acknowledgeLatestAlarm(t.app.services, bmlWorker))?.from).toBe('+32499100002');
    // An admin of both regions takes the newest of either: a third call, in BML, at 01:30.
    await missedCall('boom-mechelen-lier', '+32499100003', '2026-10-25T01:30:00Z');
    expect((await acknowledgeLatestAlarm(t.app.services, await userId('admin')))?.from).toBe('+32499100003');
  });
});
