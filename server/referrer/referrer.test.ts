// The referrer's confirmation and updates, over real HTTP on a real database, sent to Twilio's REST
// API as msw stands it in. Expected texts by hand: Friday 27 Nov 2026 23:10 in Brussels, a hold of
// 60 minutes runs until 00:10; the desk's number is +3214000000 (014 00 00 00).
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { twilioRest } from '../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { processOutboxOnce } from '../telephony/outbox/worker';
import { expireDueHolds } from '../capacity/expiry';

const SID = `AC${'8'.repeat(32)}`;
const TOKEN = 'referrer-test-token-0123';
const API = 'https://api.twilio.test';
const rest = twilioRest({ accountSid: SID, authToken: TOKEN, apiUrl: API });
let t: TestServer;
let worker: ApiClient;
beforeAll(async () => {
  rest.start();
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_PHONE_NUMBER: '+3214000000',
      TWILIO_API_URL: API,
      PUBLIC_URL: 'https://desk.example.be',
      TWILIO_TIMEOUT_MS: '300',
    },
  });
  (t.clock as ManualClock).set('2026-11-27T22:10:00Z');
  worker = new ApiClient(t.url);
  await worker.login('permanentie');
});
afterAll(async () => {
  await t.close();
  rest.stop();
});
beforeEach(() => {
  rest.reset();
  (t.clock as ManualClock).set('2026-11-27T22:10:00Z');
});

const basicIntake = (over: Record<string, unknown> = {}) => ({
  referrer: { kind: 'police', organisation: 'PZ Regio Turnhout' },
  person: { name: 'Maria Janssens', birthDate: '1988-04-02' },
  household: { type: 'moeder_met_kinderen', adults: 1, children: 2 },
  ethos: 'public_space',
  facts: { requestNis: '13040', housing: 'homeless', stayNis: '13040' },
  ...over,
});
const clock = () => t.clock as ManualClock;
const send = () => processOutboxOnce(t.app.services);
const to = (n: string) => rest.messages.filter((m) => m.to === n);

async function intakeWith(phone: string | undefined, over: Record<string, unknown> = {}) {
  const referrer = { kind: 'police', organisation: 'PZ Regio Turnhout', ...(phone ? { phone } : {}) };
  const res = await worker.post('/api/intakes', basicIntake({ referrer, ...over }));
  expect(res.status).toBe(201);
  return res.body as { id: string; reference: string };
}
async function freePlace(filter: (p: any) => boolean) {
  const places = (await worker.get('/api/board?adults=1&children=2&needs=women')).body.places as any[];
  return places.find((p) => p.free > 0 && filter(p));
}

describe("the referrer's confirmation", () => {
  it('goes out once, 30 s after the hold, through a Twilio outage, with reference, place, address, time and desk', async () => {
    const intake = await intakeWith('0470 11 22 01');
    const place = await freePlace((p) => p.suitable && p.type !== 'hotel' && p.type !== 'vluchthuis' && p.address);
    const held = await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id });
    expect(held.status).toBe(201);
    const pending = held.body.referrerSms.messages;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'queued', leavesAt: '2026-11-27T22:10:30.000Z' });
    const expected = `Noodopvang ${intake.reference}: plaats vastgehouden tot 00:10. Waar: ${place.name}, ${place.address}. Permanentie: 014 00 00 00. Sms ${intake.reference} naar dit nummer voor de stand.`;
    expect(pending[0].body).toBe(expected);

    expect(await send()).toBe(0); // the worker's 30 seconds to stop it
    clock().advance(30_000);
    rest.failNext(2, 500); // Twilio down
    await send();
    clock().advance(15_000);
    await send();
    expect(to('+32470112201')).toHaveLength(0);
    clock().advance(30_000);
    await send();
    clock().advance(600_000);
    await send();
    expect(to('+32470112201').map((m) => m.body)).toEqual([expected]);
    const after = (await worker.get(`/api/intakes/${intake.id}`)).body.referrerSms.messages;
    expect(after).toMatchObject([{ status: 'sent', leavesAt: null }]);
  });

  it('can be stopped by the worker before it leaves, and not after', async () => {
    const intake = await intakeWith('0470 11 22 02');
    const place = await freePlace((p) => p.suitable && p.type !== 'hotel');
    const held = (await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).body;
    const sms = held.referrerSms.messages[0];
    clock().advance(20_000);
    const stopped = await worker.post(`/api/referrer-sms/${sms.id}/cancel`);
    expect(stopped.body).toEqual({ id: sms.id, status: 'cancelled' });
    clock().advance(20_000);
    await send();
    expect(to('+32470112202')).toHaveLength(0);
    expect((await worker.post(`/api/referrer-sms/${sms.id}/cancel`)).status).toBe(409);
    // A released hold whose confirmation never left: nothing to correct, nothing sent.
    expect((await worker.post(`/api/holds/${held.hold.id}/release`)).status).toBe(200);
    clock().advance(31_000);
    await send();
    expect(to('+32470112202')).toHaveLength(0);
  });

  it('sends one update per change: another place, arrived; a French-speaking organisation in French', async () => {
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    expect(
      (
        await lead.post('/api/directory', {
          number: '02 279 79 79',
          name: 'Zone de police Bruxelles-Capitale Ixelles',
          kind: 'police',
          language: 'fr',
        })
      ).status,
    ).toBe(201);
    const intake = await intakeWith('0470 11 22 03', {
      referrer: { kind: 'police', organisation: 'Zone de police Bruxelles-Capitale Ixelles', phone: '0470 11 22 03' },
    });
    const [first, second] = (
      (await worker.get('/api/board?adults=1&children=2&needs=women')).body.places as any[]
    ).filter((p) => p.suitable && p.free > 0 && p.type !== 'hotel' && p.type !== 'vluchthuis');
    const h1 = (await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: first.id })).body;
    clock().advance(30_000);
    await send();
    expect((await worker.post(`/api/holds/${h1.hold.id}/release`)).status).toBe(200);
    expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: second.id })).status).toBe(201);
    clock().advance(30_000);
    await send();
    expect((await worker.post(`/api/intakes/${intake.id}/place`)).status).toBe(200);
    clock().advance(30_000);
    await send();
    await send();
    const bodies = to('+32470112203').map((m) => m.body);
    // The release and the new hold came within 30 s: the "released" text was replaced by the new place.
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toMatch(
      new RegExp(`^Accueil d'urgence ${intake.reference} : place réservée jusqu'à 00:10\\. Où : ${first.name}`),
    );
    expect(bodies[1]).toMatch(
      new RegExp(
        `^Accueil d'urgence ${intake.reference} : modifié, autre place réservée jusqu'à 00:10\\. Où : ${second.name}`,
      ),
    );
    expect(bodies[2]).toBe(
      `Accueil d'urgence ${intake.reference} : arrivée confirmée. Merci. Permanence : 014 00 00 00.`,
    );
  });

  it('tells the referrer once when the hold runs out, and the case sees it', async () => {
    const intake = await intakeWith('0470 11 22 06');
    const place = await freePlace((p) => p.suitable && p.type !== 'hotel' && p.type !== 'vluchthuis');
    expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
    clock().advance(30_000);
    await send();
    clock().advance(60 * 60_000); // the 60 minutes have passed
    expect(await expireDueHolds(t.app.services)).toBeGreaterThan(0);
    expect(await expireDueHolds(t.app.services)).toBe(0);
    clock().advance(30_000);
    await send();
    await send();
    expect(to('+32470112206').map((m) => m.body)).toEqual([
      expect.stringMatching(new RegExp(`^Noodopvang ${intake.reference}: plaats vastgehouden tot 00:10\\.`)),
      `Noodopvang ${intake.reference}: de vastgehouden plaats is vrijgegeven. Bel de permanentie: 014 00 00 00.`,
    ]);
  });

  it('releases the hold and queues the update together: when the update cannot be stored, the hold stays', async () => {
    const intake = await intakeWith('0470 11 22 09');
    const place = await freePlace((p) => p.suitable && p.type !== 'hotel' && p.type !== 'vluchthuis');
    const held = (await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).body;
    clock().advance(30_000);
    await send();
    // The outbox refuses every new row, as a full disk or a crash mid-way would leave it.
    await sql`create function refuse_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox refused'; end $$`.execute(
      t.db.db,
    );
    await sql`create trigger refuse_outbox before insert on outbox for each row execute function refuse_outbox()`.execute(
      t.db.db,
    );
    try {
      const res = await worker.post(`/api/holds/${held.hold.id}/release`);
      expect(res.status).toBeGreaterThanOrEqual(500);
      const hold = await t.db.db
        .selectFrom('holds')
        .select('status')
        .where('id', '=', held.hold.id)
        .executeTakeFirstOrThrow();
      expect(hold.status).toBe('held');
    } finally {
      await sql`drop trigger refuse_outbox on outbox`.execute(t.db.db);
      await sql`drop function refuse_outbox()`.execute(t.db.db);
    }
    expect((await worker.post(`/api/holds/${held.hold.id}/release`)).status).toBe(200);
    clock().advance(31_000);
    await send();
    expect(to('+32470112209').map((m) => m.body)).toEqual([
      expect.stringMatching(new RegExp(`^Noodopvang ${intake.reference}: plaats vastgehouden tot`)),
      `Noodopvang ${intake.reference}: de vastgehouden plaats is vrijgegeven. Bel de permanentie: 014 00 00 00.`,
    ]);
  });

  it('never texts a confidential address: only the meeting point and a phone number', async () => {
    const refuge = await freePlace((p) => p.type === 'vluchthuis');
    // The coordinator gives the refuge its meeting point (a PUT without it would leave it as it is).
    const p = await t.db.db.selectFrom('places').selectAll().where('id', '=', refuge.id).executeTakeFirstOrThrow();
    const lead = new ApiClient(t.url);
    await lead.login('coordinator');
    const put = await lead.request('PUT', `/api/places/${refuge.id}`, {
      name: p.name,
      provider: p.provider,
      municipalityNis: p.municipality_nis,
      type: p.type,
      suits: p.suits,
      roomType: p.room_type,
      capacity: p.capacity,
      costPerNightCents: p.cost_per_night_cents,
      phone: '014 99 99 99',
      address: 'Geheime straat 9, 2300 Turnhout',
      confidentialAddress: true,
      meetingPoint: 'onthaal politiekantoor Turnhout',
    });
    expect(put.status).toBe(200);
    const again = await lead.request('PUT', `/api/places/${refuge.id}`, {
      name: p.name,
      provider: p.provider,
      municipalityNis: p.municipality_nis,
      type: p.type,
      suits: p.suits,
      roomType: p.room_type,
      capacity: p.capacity,
      costPerNightCents: p.cost_per_night_cents,
      phone: '014 99 99 99',
      address: 'Geheime straat 9, 2300 Turnhout',
      confidentialAddress: true,
    });
    expect(again.status).toBe(200);
    expect(
      (await t.db.db.selectFrom('places').select('meeting_point').where('id', '=', refuge.id).executeTakeFirstOrThrow())
        .meeting_point,
    ).toBe('onthaal politiekantoor Turnhout'); // left out of the second PUT: kept
    const row = { address: 'Geheime straat 9, 2300 Turnhout' };
    const intake = await intakeWith('0470 11 22 04');
    expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: refuge.id })).status).toBe(201);
    clock().advance(30_000);
    await send();
    const [text] = to('+32470112204').map((m) => m.body);
    expect(text).toContain(
      'afspraakplaats onthaal politiekantoor Turnhout (adres vertrouwelijk), bel eerst 014 99 99 99',
    );
    expect(text).not.toContain(row.address!);
    expect(text).not.toContain('Geheime');
    expect(text).not.toContain(refuge.name);
  });

  it('does not text a fixed line, and tells the worker why', async () => {
    const intake = await intakeWith('014 41 22 05');
    const place = await freePlace((p) => p.suitable && p.type !== 'hotel');
    const held = (await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).body;
    expect(held.referrerSms).toMatchObject({ canText: false, messages: [] });
    expect(held.referrerSms.why.nl).toBe(
      '014 41 22 05 is geen gsm-nummer: er gaat geen sms. Geef adres en referentie telefonisch door, of vul een gsm-nummer in.',
    );
    const none = await intakeWith(undefined);
    expect((await worker.get(`/api/intakes/${none.id}`)).body.referrerSms.why.nl).toMatch(/geen gsm-nummer/);
    clock().advance(31_000);
    await send();
    expect(to('+3214412205')).toHaveLength(0);
  });
});
