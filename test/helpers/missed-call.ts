// A call to a region's number that rang nobody (no rota step had a person), logged as the line logs it
// and raised as an alarm: for tests of what a missed call sets off per region.
import { raiseAlarm } from '../../server/telephony/voice/alarms';
import type { TestServer } from './server';

let n = 0;

/** Logs the missed call at the server's clock, raises its alarm, and returns the call's id. */
export async function missedCall(t: TestServer, region: string, from: string): Promise<string> {
  const at = t.app.services.clock.now();
  const row = await t.db.db
    .insertInto('calls')
    .values({
      region_code: region,
      call_sid: `CA${(++n).toString(16).padStart(32, '0')}`,
      from_number: from,
      to_number: null,
      caller_name: null,
      out_of_hours: true,
      chain: JSON.stringify([]),
      outcome: 'missed',
      status: 'completed',
      answered_by: null,
      answered_number: null,
      started_at: at,
      answered_at: null,
      ended_at: at,
      duration_sec: 0,
      recording_url: null,
      recording_sec: null,
      previous_call_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const call = { id: row.id, chain: [], callerName: null, outcome: 'missed', fromNumber: from, callbackIntakeId: null };
  await raiseAlarm(t.app.services, { ...call, region }, 'missed');
  return row.id;
}
