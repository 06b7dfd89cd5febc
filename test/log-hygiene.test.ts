// A night with a unique marker in every personal field, failing requests and failing database writes
// included: none of the markers may reach the log. The triggers make PostgreSQL (or PGlite) refuse the
// writes the way a real fault would, with the value in the message, the detail and the parameters.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from './fake-twilio';
import { createLogger } from '../server/logger';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

const SID = `AC${'7'.repeat(32)}`;
const TOKEN = 'log-hygiene-token-0123456';
const PUBLIC = 'https://desk.example.be';
const M = {
  name: 'Zorblax Quintavius',
  birthDate: '1961-03-17',
  story: 'Xyloquent verhaal',
  caller: '+32470918273',
  texter: '+32471827364',
  smsBody: 'Qwixotic hulpvraag aan het station',
  referrerPhone: '0472 63 54 45',
  referrerName: 'Vrendolyn',
};
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  t = await startTestServer({
    logger: createLogger('trace', sink),
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: '+3214000000', PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
});
afterAll(() => t.close());

async function refuseWrites(): Promise<void> {
  const db = t.db.db;
  await sql`CREATE FUNCTION refuse_call() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    RAISE EXCEPTION 'invalid input syntax for type integer: "%"', NEW.from_number USING DETAIL = format('Key (from_number)=(%s) refused', NEW.from_number); END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER refuse_call BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION refuse_call()`.execute(db);
  await sql`CREATE FUNCTION refuse_sms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    RAISE EXCEPTION 'value too long: "%"', NEW.body USING DETAIL = format('Failing row contains (%s, %s)', NEW.from_number, NEW.body); END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER refuse_sms BEFORE INSERT ON sms_inbound FOR EACH ROW EXECUTE FUNCTION refuse_sms()`.execute(
    db,
  );
  await sql`CREATE FUNCTION refuse_intake() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NEW.story LIKE 'Xyloquent%' AND NEW.sex = 'm' THEN
      RAISE EXCEPTION 'duplicate key value violates unique constraint "x"' USING DETAIL = format('Key (person_name, birth_date)=(%s, %s) already exists.', NEW.person_name, NEW.birth_date);
    END IF; RETURN NEW; END $$`.execute(db);
  await sql`CREATE TRIGGER refuse_intake BEFORE INSERT ON intakes FOR EACH ROW EXECUTE FUNCTION refuse_intake()`.execute(
    db,
  );
}

describe('the log after a night with personal data', () => {
  it('holds none of the markers, failing requests and failing writes included', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    const intake = (sex: string) => ({
      referrer: { kind: 'police', organisation: 'PZ Kempen', person: M.referrerName, phone: M.referrerPhone },
      person: { name: M.name, birthDate: M.birthDate, sex },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      needs: [],
      story: M.story,
      facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
    });
    const created = await worker.post('/api/intakes', intake('f'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await worker.get(`/api/intakes/${created.body.id}`);
    expect((await lead.post('/api/privacy/access-report', { name: M.name, birthDate: M.birthDate })).status).toBe(200);
    // Failing requests: bad input, a name in a query string, a write the database refuses.
    expect(
      (await worker.post('/api/intakes', { ...intake('f'), person: { name: M.name, birthDate: '1961-02-30' } })).status,
    ).toBe(400);
    expect((await worker.get(`/api/intakes?name=${encodeURIComponent(M.name)}&birthDate=${M.birthDate}`)).status).toBe(
      400,
    );
    await refuseWrites();
    expect((await worker.post('/api/intakes', intake('m'))).status).toBe(500);
    // The line: a call and an SMS whose writes fail, then the same once the database accepts them again.
    await fake.call({ from: M.caller, voicemail: null });
    await fake.sms({ from: M.texter, body: M.smsBody });
    await new Promise((r) => setTimeout(r, 300)); // the call log is written after the TwiML is answered
    await sql`DROP TRIGGER refuse_call ON calls`.execute(t.db.db);
    await sql`DROP TRIGGER refuse_sms ON sms_inbound`.execute(t.db.db);
    await fake.call({ from: M.caller, voicemail: null });
    await fake.sms({ from: M.texter, body: M.smsBody });

    const log = lines.join('');
    expect(log).toContain('call not logged'); // the failures were logged ...
    expect(log).toContain('unhandled error');
    expect(log).toContain('…273'); // ... with the caller masked to the last three digits
    for (const [field, value] of Object.entries(M)) {
      // ... and without any personal value
      for (const piece of [
        value,
        ...value.split(' ').filter((w) => w.length > 4),
        value.replace(/\D/g, '').slice(-7),
      ].filter((p) => p.length > 4)) {
        expect(log, `${field}: ${piece}`).not.toContain(piece);
      }
    }
  });
});
