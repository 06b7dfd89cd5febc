// Two regions in one instance (issue 15 part 3): the Kempen and Boom-Mechelen-Lier, each with its own permanence
// number, rota, board, calls and figures. Real HTTP, webhooks signed with Twilio's algorithm by the fake network.
// The night is the fall-back night of 2026 (out of hours in both regions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../test/fake-twilio';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

const SID = `AC${'5'.repeat(32)}`;
const TOKEN = 'two-regions-token-0123';
const PUBLIC = 'https://desk.example.be';
const KEMPEN_LINE = '+3214000000';
const BML_LINE = '+3215000000';

let t: TestServer;
let fake: FakeTwilio;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: KEMPEN_LINE, PUBLIC_URL: PUBLIC },
  });
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: KEMPEN_LINE,
  });
  for (const u of ['coordinator', 'coordinator-bml', 'admin', 'ocmw-mechelen', 'permanentie-bml']) {
    as[u] = new ApiClient(t.url);
    await as[u].login(u);
  }
});
afterAll(() => t.close());

const phoneOf = async (username: string) =>
  (await t.db.db.selectFrom('users').select('phone').where('username', '=', username).executeTakeFirstOrThrow()).phone!;

describe('two regions in one instance', () => {
  it('each user sees their region; the admin spans both', async () => {
    expect((await as.coordinator!.get('/api/auth/me')).body.user).toMatchObject({
      regions: ['kempen'],
      region: 'kempen',
    });
    expect((await as['coordinator-bml']!.get('/api/auth/me')).body.user).toMatchObject({
      regions: ['boom-mechelen-lier'],
      region: 'boom-mechelen-lier',
    });
    const admin = (await as.admin!.get('/api/region')).body;
    expect(admin.regions.map((r: { code: string }) => r.code)).toEqual(['boom-mechelen-lier', 'kempen']);
    expect(admin.regions.find((r: { code: string }) => r.code === 'boom-mechelen-lier').permanenceNumber).toBe(
      BML_LINE,
    );
    // OCMW staff of Mechelen look at the region their municipality lies in.
    expect((await as['ocmw-mechelen']!.get('/api/auth/me')).body.user.region).toBe('boom-mechelen-lier');
  });

  it("the rota on duty is each region's own team", async () => {
    // The demo rotas start on Monday 5 January 2026 and turn weekly at 08:30: the night of Sat 24 October is
    // week 41 (counted from 0). Kempen primary team of 4 -> 41 mod 4 = 1: an.peeters; BML team of 3 ->
    // 41 mod 3 = 2: bart.de.smet. Coordinators: each region's only one.
    const kempen = (await as.coordinator!.get('/api/oncall/now')).body;
    const bml = (await as['coordinator-bml']!.get('/api/oncall/now')).body;
    expect(kempen.primary.phone).toBe(await phoneOf('an.peeters'));
    expect(bml.primary.phone).toBe(await phoneOf('bart.de.smet'));
    expect(kempen.coordinator.phone).toBe(await phoneOf('coordinator'));
    expect(bml.coordinator.phone).toBe(await phoneOf('coordinator-bml'));
  });

  it("a call to each permanence number rings that region's primary, and is that region's call only", async () => {
    const kempenPrimary = await phoneOf('an.peeters');
    const bmlPrimary = await phoneOf('bart.de.smet');
    fake.phone(kempenPrimary).answers({ press: '1' });
    fake.phone(bmlPrimary).answers({ press: '1' });
    const toKempen = await fake.call({ from: '+32499000001', to: KEMPEN_LINE });
    const toBml = await fake.call({ from: '+32499000002', to: BML_LINE });
    expect(toKempen.dialled.map((d) => [d.number, d.outcome])).toEqual([[kempenPrimary, 'accepted']]);
    expect(toBml.dialled.map((d) => [d.number, d.outcome])).toEqual([[bmlPrimary, 'accepted']]);

    const kempenCalls = (await as.coordinator!.get('/api/calls')).body.calls.map((c: { sid: string }) => c.sid);
    const bmlCalls = (await as['coordinator-bml']!.get('/api/calls')).body.calls.map((c: { sid: string }) => c.sid);
    expect(kempenCalls).toEqual([toKempen.sid]);
    expect(bmlCalls).toEqual([toBml.sid]);
    // Another region's call, by id: as if it did not exist.
    const bmlId = (await as['coordinator-bml']!.get('/api/calls')).body.calls[0].id;
    expect((await as.coordinator!.get(`/api/calls/${bmlId}`)).status).toBe(404);
    expect((await as['coordinator-bml']!.get(`/api/calls/${bmlId}`)).status).toBe(200);
  });

  it("a missed call's alarm is its region's: the other region cannot end it", async () => {
    const bmlPrimary = await phoneOf('bart.de.smet');
    fake.phone(bmlPrimary).doesNotAnswer();
    fake.phone(await phoneOf('sara.wouters')).doesNotAnswer();
    fake.phone(await phoneOf('coordinator-bml')).doesNotAnswer();
    const missed = await fake.call({ from: '+32499000003', to: BML_LINE, voicemail: { durationSec: 10 } });
    const id = (
      await t.db.db.selectFrom('calls').select('id').where('call_sid', '=', missed.sid).executeTakeFirstOrThrow()
    ).id;
    // The alarm is written after the last webhook is answered: wait for it (at most 5 s).
    for (
      let i = 0;
      i < 50 && !(await t.db.db.selectFrom('alarms').select('id').where('call_id', '=', id).executeTakeFirst());
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect((await as.coordinator!.get('/api/alarms')).body.alarms).toEqual([]);
    expect((await as['coordinator-bml']!.get('/api/alarms')).body.alarms.map((a: { id: string }) => a.id)).toEqual([
      id,
    ]);
    expect((await as.coordinator!.post(`/api/calls/${id}/callback`, {})).status).toBe(404);
    expect((await as['coordinator-bml']!.post(`/api/calls/${id}/callback`, {})).status).toBe(200);
  });

  it("each board shows only its region's places", async () => {
    const kempen = (await as.coordinator!.get('/api/board')).body.places;
    const bml = (await as['coordinator-bml']!.get('/api/board')).body.places;
    expect(kempen.length).toBeGreaterThan(0);
    expect(bml.length).toBe(8); // demo-places.boom-mechelen-lier.json
    expect(kempen.every((p: { municipality: { nis: string } }) => p.municipality.nis.startsWith('13'))).toBe(true);
    expect(bml.every((p: { municipality: { nis: string } }) => /^1[12]/.test(p.municipality.nis))).toBe(true);
  });

  it("figures count each region's calls only", async () => {
    const q = '/api/figures?from=2026-10-24&to=2026-10-24';
    expect((await as.coordinator!.get(q)).body.calls.outcomes.total).toBe(1);
    expect((await as['coordinator-bml']!.get(q)).body.calls.outcomes.total).toBe(2);
  });

  it("a rota change names only the region's own staff", async () => {
    const anPeeters = (
      await t.db.db.selectFrom('users').select('id').where('username', '=', 'an.peeters').executeTakeFirstOrThrow()
    ).id;
    const res = await as['coordinator-bml']!.post('/api/rota/overrides', {
      slot: 'primary',
      userId: anPeeters,
      start: '2026-10-26T18:00:00+01:00',
      end: '2026-10-27T08:00:00+01:00',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(anPeeters);
  });

  it('the admin switches region; nobody switches to a region they do not work in', async () => {
    const sw = await as.admin!.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' });
    expect(sw.status).toBe(200);
    expect((await as.admin!.get('/api/auth/me')).body.user.region).toBe('boom-mechelen-lier');
    expect((await as.admin!.get('/api/calls')).body.calls.length).toBe(2);
    await as.admin!.request('PUT', '/api/auth/region', { region: 'kempen' });
    expect((await as.admin!.get('/api/calls')).body.calls.length).toBe(1);
    expect((await as.coordinator!.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(
      403,
    );
    const bad = await as.coordinator!.request('PUT', '/api/auth/region', { region: 'Kempen!' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('region');
  });
});
