// The hourly limits on forwarded texts are per region (issue 15): a flood on one desk's number holds that
// desk's texts only, and each desk gets its own summary text. Two regions in one instance, webhooks signed by
// the fake Twilio network, a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../../test/fake-twilio';
import { startTestServer, type TestServer } from '../../../test/helpers/server';

const SID = `AC${'8'.repeat(32)}`;
const TOKEN = 'forward-limits-token-0123';
const PUBLIC = 'https://desk.example.be';
const KEMPEN_LINE = '+3214000000';
const BML_LINE = '+3215000000';

let t: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      PUBLIC_URL: PUBLIC,
      SMS_FORWARDS_PER_SENDER_PER_HOUR: '2',
      SMS_FORWARDS_PER_HOUR: '3',
    },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: KEMPEN_LINE,
  });
});
afterAll(() => t.close());

let n = 0;
/** A text to `line`, as Twilio posts it; how the desk handled it. */
async function textTo(line: string, from: string): Promise<string> {
  const sid = `SM${(++n).toString(16).padStart(32, '0')}`;
  const res = await fake.sendSigned('/twilio/sms', { MessageSid: sid, From: from, To: line, Body: `bericht ${n}` });
  expect(res.status).toBe(200);
  const row = await t.db.db
    .selectFrom('sms_inbound')
    .select('handled_as')
    .where('message_sid', '=', sid)
    .executeTakeFirstOrThrow();
  return row.handled_as;
}

/** The summaries the desk texted its worker about held texts, by region. */
async function summaries(start: string) {
  const rows = await t.db.db
    .selectFrom('outbox')
    .select(['region_code', 'body'])
    .where('kind', '=', 'forward')
    .where('body', 'like', `${start}%`)
    .execute();
  return rows.map((r) => r.region_code).sort();
}

describe('forward limits per region', () => {
  it("one sender's flood on the Kempen's number holds its texts there, not its texts to BML's", async () => {
    const sender = '+32470123456';
    expect([await textTo(KEMPEN_LINE, sender), await textTo(KEMPEN_LINE, sender)]).toEqual(['forwarded', 'forwarded']);
    expect(await textTo(KEMPEN_LINE, sender)).toBe('held');
    expect(await textTo(BML_LINE, sender)).toBe('forwarded');
    expect(await summaries(`Meer sms'en van ${sender}`)).toEqual(['kempen']);
  });

  it("the Kempen's hour full of forwards holds the Kempen's next text, BML's still go, and each desk gets its summary", async () => {
    // The Kempen forwarded two above; one more fills its hour (3).
    expect(await textTo(KEMPEN_LINE, '+32470000001')).toBe('forwarded');
    expect(await textTo(KEMPEN_LINE, '+32470000002')).toBe('held');
    expect(await summaries("Veel sms'en")).toEqual(['kempen']);
    // BML forwarded one above: two more fill its own hour, the next is held with BML's own summary.
    expect([await textTo(BML_LINE, '+32470000003'), await textTo(BML_LINE, '+32470000004')]).toEqual([
      'forwarded',
      'forwarded',
    ]);
    expect(await textTo(BML_LINE, '+32470000005')).toBe('held');
    expect(await summaries("Veel sms'en")).toEqual(['boom-mechelen-lier', 'kempen']);
  });
});
