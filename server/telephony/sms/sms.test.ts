// SMS to the permanence number, sent by the fake Twilio with real signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../../test/helpers/server';

const SID = `AC${'6'.repeat(32)}`;
const TOKEN = 'sms-test-token-012345';
const PUBLIC = 'https://desk.example.be';
let t: TestServer;
let fake: FakeTwilio;
let lead: ApiClient;
beforeAll(async () => {
  t = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: '+3214000000', PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
  lead = new ApiClient(t.url);
  await lead.login('coordinator');
});
afterAll(async () => {
  await t.close();
});

describe('SMS to the line', () => {
  it('from a stranger: kept, forwarded to the primary on duty, no reply, once however often Twilio repeats', async () => {
    const primary = (await lead.get('/api/oncall/now')).body.primary;
    const res = await fake.sms({ from: '+32499887766', body: 'Politie: vrouw met kind aan station Geel' });
    expect(res.status).toBe(200);
    expect(res.replies).toEqual([]);
    await fake.sendSigned('/twilio/sms', {
      MessageSid: res.messageSid,
      From: '+32499887766',
      To: '+3214000000',
      Body: 'Politie: vrouw met kind aan station Geel',
    });
    const forwards = await t.db.db
      .selectFrom('outbox')
      .select(['to_number', 'body'])
      .where('kind', '=', 'forward')
      .execute();
    expect(forwards).toEqual([
      { to_number: primary.phone, body: 'Sms van +32499887766: Politie: vrouw met kind aan station Geel' },
    ]);
    const inbox = (await lead.get('/api/sms')).body.messages;
    expect(inbox.filter((m: { from: string }) => m.from === '+32499887766')).toHaveLength(1);
  });

  it("BEDDEN from a duty worker answers with tonight's free places", async () => {
    const res = await fake.sms({ from: '+32470112233', body: ' bedden ' });
    expect(res.replies).toHaveLength(1);
    expect(res.replies[0]).toMatch(/^Vrij vannacht \(24\/10, 02:30\): .*Noodwoning/);
  });

  it('OK from a duty worker takes the latest open alarm and says whom to ring back', async () => {
    expect((await fake.sms({ from: '+32470112233', body: 'OK' })).replies).toEqual(['Geen open alarm.']);
    const now = (await lead.get('/api/oncall/now')).body;
    for (const p of [now.primary, now.backup, now.coordinator]) fake.phone(p.phone).doesNotAnswer();
    await fake.call({ from: '+32470776655', voicemail: { durationSec: 5 } });
    expect((await fake.sms({ from: '+32470112233', body: 'ok' })).replies).toEqual([
      'Alarm bevestigd. Bel terug: +32470776655',
    ]);
    const alarm = (await lead.get('/api/alarms')).body.alarms.find((c: { from: string }) => c.from === '+32470776655');
    expect(alarm.alarm.acknowledgedAt).not.toBeNull(); // still open until someone records the call-back
  });

  it("asks the partner hotels once a night, and a hotel's numeric reply updates the board", async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    const asked = (await worker.post('/api/hotels/ask')).body.asked;
    const hotels = (await worker.get('/api/board?types=hotel')).body.places;
    expect(asked).toBe(hotels.filter((h: { phone: string | null }) => h.phone).length);
    expect((await worker.post('/api/hotels/ask')).body.asked).toBe(0);
    const hotel = hotels[0];
    expect((await fake.sms({ from: hotel.phone, body: ' 2 ' })).replies).toEqual(['Bedankt, genoteerd.']);
    const after = (await worker.get('/api/board?types=hotel')).body.places.find(
      (p: { id: string }) => p.id === hotel.id,
    );
    expect(after).toMatchObject({ units: 2, free: 2, hotelCount: { rooms: 2, method: 'sms' } });
  });

  it('refuses a forged SMS and stores nothing', async () => {
    const before = (await lead.get('/api/sms')).body.messages.length;
    const res = await fake.sendSigned(
      '/twilio/sms',
      { MessageSid: `SM${'7'.repeat(32)}`, From: '+32499000000', Body: 'vals' },
      { tokenOverride: 'not-the-real-token' },
    );
    expect(res.status).toBe(403);
    expect((await lead.get('/api/sms')).body.messages.length).toBe(before);
  });
});
