// Events per region (issue 15): with the Kempen and Boom-Mechelen-Lier in one instance, a call, its alarm, an
// intake and a rota change are heard by the consoles looking at their own region only, and a handoff by the
// desks that list it and the staff of its OCMW, whichever region they look at. Real socket.io clients (every
// event held against shared/api/events.ts), real HTTP, webhooks signed by the fake Twilio network, on PGlite or
// PostgreSQL. "Not heard" is never a pause: the same console must first hear a later event (a barrier) that was
// sent after the one it must not hear. Events reach a socket in the order the server broadcast them; on PostgreSQL
// the adapter broadcasts each after its NOTIFY, so emits made in one go may swap. Hence a barrier is sent only
// once another console has heard every copy the server published of the event guarded against (`settled`,
// counting what the server's realtime was asked to send): by then a leaked copy was on its way before it.
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio } from '../../test/fake-twilio';
import type { ManualClock } from '../clock';
import { placeHomeless } from '../../test/helpers/placement';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { eventProblems, openCheckedSocket } from '../../test/helpers/socket';

const SID = `AC${'6'.repeat(32)}`;
const TOKEN = 'region-events-token-01';
const PUBLIC = 'https://desk.example.be';
const KEMPEN_LINE = '+3214000000';
const BML_LINE = '+3215000000';

let t: TestServer;
let fake: FakeTwilio;
const sockets: Socket[] = [];
const sent: Heard[] = [];

beforeAll(async () => {
  t = await startTestServer({
    regions: ['kempen', 'boom-mechelen-lier'],
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: KEMPEN_LINE, PUBLIC_URL: PUBLIC },
  });
  // What the server was asked to send, to know when every copy of an event has gone out (`settled`).
  const rt = t.app.services.realtime;
  const [publish, publishToRegion] = [rt.publish.bind(rt), rt.publishToRegion.bind(rt)];
  rt.publish = (event, payload, roles) => {
    sent.push({ event, payload: payload as Heard['payload'] });
    publish(event, payload, roles);
  };
  rt.publishToRegion = (region, event, payload, roles, ocmws) => {
    sent.push({ event, payload: payload as Heard['payload'] });
    publishToRegion(region, event, payload, roles, ocmws);
  };
  fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: KEMPEN_LINE,
  });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});
afterEach(() => {
  expect(sockets.flatMap(eventProblems)).toEqual([]);
});

interface Heard {
  event: string;
  payload: { id?: string; callId?: string; at?: string };
}
/** A signed-in console: its API client, its socket and everything the socket heard, in order. */
interface Console {
  name: string;
  api: ApiClient;
  socket: Socket;
  log: Heard[];
}

async function signIn(username: string): Promise<ApiClient> {
  const api = new ApiClient(t.url);
  await api.login(username);
  return api;
}

async function consoleOf(username: string, api?: ApiClient): Promise<Console> {
  const client = api ?? (await signIn(username));
  const socket = openCheckedSocket(t.url, client.cookie);
  sockets.push(socket);
  const log: Heard[] = [];
  socket.onAny((event: string, payload: Heard['payload']) => log.push({ event, payload }));
  await new Promise((r) => socket.once('hello', r));
  return { name: username, api: client, socket, log };
}

/** Waits until `c` has heard `event` about `id` for the `nth` time; resolves with its position in `c.log`. */
function heard(c: Console, event: string, id: string, nth = 1): Promise<number> {
  const find = () => c.log.flatMap((h, i) => (h.event === event && about(h, id) ? [i] : []))[nth - 1] ?? -1;
  return new Promise((resolve, reject) => {
    const check = () => {
      const i = find();
      if (i < 0) return;
      clearTimeout(timer);
      c.socket.offAny(check);
      resolve(i);
    };
    const timer = setTimeout(() => {
      c.socket.offAny(check);
      reject(new Error(`${c.name} did not hear ${event} about ${id} (${nth}); heard ${JSON.stringify(c.log)}`));
    }, 15_000);
    c.socket.onAny(check);
    check();
  });
}

// An event is about an intake, handoff or call by its id, about a rota change by its instant.
/** Waits until `c` has heard every `event` about `id` the server has sent so far. */
const settled = (c: Console, event: string, id: string) =>
  heard(c, event, id, Math.max(1, sent.filter((h) => h.event === event && about(h, id)).length));
const about = (h: Heard, id: string) => h.payload?.id === id || h.payload?.callId === id || h.payload?.at === id;
/** The events `c` heard about `id` before its barrier (the event at position `before`). */
const heardAbout = (c: Console, id: string, before: number) =>
  c.log
    .slice(0, before)
    .filter((h) => about(h, id))
    .map((h) => h.event);

const callIdOf = async (sid: string) =>
  (await t.db.db.selectFrom('calls').select('id').where('call_sid', '=', sid).executeTakeFirstOrThrow()).id;
const userId = async (username: string) =>
  (await t.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const newIntake = (api: ApiClient, name: string) =>
  api.post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Test' },
    person: { name, birthDate: '1990-05-02' },
    household: { type: 'alleenstaande_man', adults: 1, children: 0 },
    ethos: 'public_space',
    facts: { requestNis: '12025', housing: 'homeless' },
  });

describe('events per region', () => {
  it("a missed call to the Kempen's number: its call and alarm reach the Kempen's consoles, not Boom-Mechelen-Lier's", async () => {
    const kempen = await consoleOf('permanentie');
    const bml = await consoleOf('permanentie-bml');
    // An admin of both regions: one session stays in the Kempen (the first region), one switches to BML.
    const adminKempen = await consoleOf('admin');
    const adminBml = await consoleOf('admin');
    expect((await adminBml.api.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);

    // Nobody answers (an unconfigured phone does not) and the caller hangs up at the beep: a missed call.
    const kCall = await callIdOf((await fake.call({ from: '+32499100001', to: KEMPEN_LINE, voicemail: null })).sid);
    // The alarm is raised after the last webhook: waited for on the sockets.
    await heard(kempen, 'alarm:changed', kCall);
    await heard(adminKempen, 'alarm:changed', kCall);
    await settled(kempen, 'call:updated', kCall); // the last one is sent right after the alarm

    // The barrier: a missed call to BML's number, after the Kempen's events.
    const bCall = await callIdOf((await fake.call({ from: '+32499100002', to: BML_LINE, voicemail: null })).sid);
    const bBarrier = await heard(bml, 'alarm:changed', bCall);
    const adminBarrier = await heard(adminBml, 'alarm:changed', bCall);
    await settled(bml, 'call:updated', bCall); // before the next barrier, for the Kempen's consoles
    expect(heardAbout(bml, kCall, bBarrier)).toEqual([]);
    expect(heardAbout(adminBml, kCall, adminBarrier)).toEqual([]);

    // And back: the Kempen's coordinator rings the caller back after BML's alarm: the Kempen's consoles hear
    // their alarm end and must not have heard BML's call or alarm before.
    const coordinator = await signIn('coordinator');
    expect((await coordinator.post(`/api/calls/${kCall}/callback`, {})).status).toBe(200);
    const kBarrier = await heard(kempen, 'alarm:changed', kCall, 2);
    const adminKBarrier = await heard(adminKempen, 'alarm:changed', kCall, 2);
    expect(heardAbout(kempen, bCall, kBarrier)).toEqual([]);
    expect(heardAbout(adminKempen, bCall, adminKBarrier)).toEqual([]);
  });

  it("an intake is heard by its region's desk only", async () => {
    const kempen = await consoleOf('permanentie');
    const bml = await consoleOf('permanentie-bml');
    const k = await newIntake(kempen.api, 'Kris Kempen');
    expect(k.status).toBe(201);
    await heard(kempen, 'intakes:changed', k.body.id);
    const b = await newIntake(bml.api, 'Bram Rivierenland');
    expect(b.status).toBe(201);
    const bBarrier = await heard(bml, 'intakes:changed', b.body.id);
    expect(heardAbout(bml, k.body.id, bBarrier)).toEqual([]);
    // And back: the Kempen's desk changes its intake again, after BML's was made.
    const override = await kempen.api.post(`/api/intakes/${k.body.id}/competence`, {
      nis: '13040',
      reason: 'Laatste inschrijving in het bevolkingsregister te Turnhout',
    });
    expect(override.status).toBe(200);
    const kBarrier = await heard(kempen, 'intakes:changed', k.body.id, 2);
    expect(heardAbout(kempen, b.body.id, kBarrier)).toEqual([]);
  });

  it("a handoff reaches the desks that list it and its OCMW's staff across regions, no other OCMW's", async () => {
    const kempen = await consoleOf('permanentie');
    const bml = await consoleOf('permanentie-bml');
    const mechelen = await consoleOf('ocmw-mechelen'); // looks at Boom-Mechelen-Lier
    const turnhout = await consoleOf('ocmw-turnhout'); // looks at the Kempen
    const geel = await consoleOf('ocmw-geel');

    // The Kempen's desk places a man who asked for help in Mechelen on a Kempen place: OCMW Mechelen is competent.
    const toMechelen = (await placeHomeless(kempen.api, '12025', 'Michiel Mechelaar')).handoff;
    expect(toMechelen.ocmw.nis).toBe('12025');
    await heard(mechelen, 'handoffs:changed', toMechelen.id); // across regions
    await heard(kempen, 'handoffs:changed', toMechelen.id); // its place's desk
    await heard(bml, 'handoffs:changed', toMechelen.id); // the desk of its OCMW's region

    // The barrier for Turnhout's staff: a handoff to OCMW Turnhout, placed after.
    const toTurnhout = (await placeHomeless(kempen.api, '13040', 'Tom Turnhoutenaar')).handoff;
    expect(toTurnhout.ocmw.nis).toBe('13040');
    const tBarrier = await heard(turnhout, 'handoffs:changed', toTurnhout.id);
    expect(heardAbout(turnhout, toMechelen.id, tBarrier)).toEqual([]);
    await heard(kempen, 'handoffs:changed', toTurnhout.id);

    // The barrier for Mechelen's staff and BML's desk: OCMW Mechelen acknowledges its handoff, after Turnhout's.
    expect((await mechelen.api.post(`/api/handoffs/${toMechelen.id}/acknowledge`, {})).status).toBe(200);
    const mBarrier = await heard(mechelen, 'handoffs:changed', toMechelen.id, 2);
    const bBarrier = await heard(bml, 'handoffs:changed', toMechelen.id, 2);
    expect(heardAbout(mechelen, toTurnhout.id, mBarrier)).toEqual([]);
    expect(heardAbout(bml, toTurnhout.id, bBarrier)).toEqual([]);

    // Forwarded to OCMW Geel: the OCMW it leaves and the one it reaches hear it, and both regions' desks.
    const forwarded = await mechelen.api.post(`/api/handoffs/${toMechelen.id}/forward`, {
      toNis: '13008',
      reason: 'Laatste inschrijving in het bevolkingsregister te Geel',
    });
    expect(forwarded.status).toBe(200);
    await heard(mechelen, 'handoffs:changed', toMechelen.id, 3);
    await heard(bml, 'handoffs:changed', toMechelen.id, 3);
    await heard(kempen, 'handoffs:changed', toMechelen.id, 3);
    const gBarrier = await heard(geel, 'handoffs:changed', toMechelen.id);
    // Geel's staff heard none of the handoff's earlier events (it was not theirs), nor Turnhout's.
    expect(heardAbout(geel, toMechelen.id, gBarrier + 1)).toEqual(['handoffs:changed']);
    expect(heardAbout(geel, toTurnhout.id, gBarrier)).toEqual([]);
    // Turnhout's staff: the barrier is Turnhout's own handoff acknowledged, after the forward.
    expect((await turnhout.api.post(`/api/handoffs/${toTurnhout.id}/acknowledge`, {})).status).toBe(200);
    const tBarrier2 = await heard(turnhout, 'handoffs:changed', toTurnhout.id, 2);
    expect(heardAbout(turnhout, toMechelen.id, tBarrier2)).toEqual([]);
  });

  it("a handoff of an intake placed on a neighbour's place reaches the intake's desk and the place's", async () => {
    const kempen = await consoleOf('permanentie');
    const bml = await consoleOf('permanentie-bml');
    // A man who asked for help in Charleroi (an OCMW no region serves), held on a Boom-Mechelen-Lier place from
    // the Kempen's intake (the two regions allow holds on each other's places).
    const intake = await kempen.api.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Test' },
      person: { name: 'Charles Voyageur', birthDate: '1990-05-02' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts: { requestNis: '52011', housing: 'homeless' },
    });
    expect(intake.status).toBe(201);
    const board = (await bml.api.get('/api/board?adults=1&children=0&needs=men')).body.places as {
      id: string;
      suitable: boolean;
      free: number;
      type: string;
    }[];
    const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel')!;
    expect((await kempen.api.post(`/api/intakes/${intake.body.id}/hold`, { placeId: place.id })).status).toBe(201);
    const placed = await kempen.api.post(`/api/intakes/${intake.body.id}/place`);
    expect(placed.status).toBe(200);
    expect(placed.body.handoff.ocmw).toMatchObject({ nis: '52011' });
    await heard(kempen, 'handoffs:changed', placed.body.handoff.id); // the intake's desk
    await heard(bml, 'handoffs:changed', placed.body.handoff.id); // the place's desk
  });

  it('a rota change is heard in its region only, also by an admin who switched to it', async () => {
    const kempen = await consoleOf('permanentie');
    const bml = await consoleOf('permanentie-bml');
    const admin = await consoleOf('admin');
    expect((await admin.api.request('PUT', '/api/auth/region', { region: 'boom-mechelen-lier' })).status).toBe(200);
    const clock = t.clock as ManualClock;
    // The backup of one night of November 2026 (out of hours: 18:00 to 08:00), given to one of the region's staff.
    // Each change happens a second after the last, so its event (`at`, the desk's clock) says which change it is.
    const override = async (username: string, staff: string, night: number) => {
      clock.advance(1_000);
      const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
      const res = await (await signIn(username)).post('/api/rota/overrides', {
        slot: 'backup',
        userId: await userId(staff),
        start: `${day(night)}T18:00:00+01:00`,
        end: `${day(night + 1)}T08:00:00+01:00`,
      });
      expect(res.status).toBe(201);
      return clock.now().toISOString();
    };
    const bml1 = await override('coordinator-bml', 'nele.claes', 2);
    await heard(bml, 'rota:changed', bml1);
    await heard(admin, 'rota:changed', bml1);
    // The barrier for the Kempen's console: a Kempen change after BML's.
    const kempen1 = await override('coordinator', 'jan.janssens', 3);
    const kBarrier = await heard(kempen, 'rota:changed', kempen1);
    expect(heardAbout(kempen, bml1, kBarrier)).toEqual([]);
    // And for BML's consoles and the admin: a second BML change after the Kempen's.
    const bml2 = await override('coordinator-bml', 'nele.claes', 4);
    const bBarrier = await heard(bml, 'rota:changed', bml2);
    const aBarrier = await heard(admin, 'rota:changed', bml2);
    expect(heardAbout(bml, kempen1, bBarrier)).toEqual([]);
    expect(heardAbout(admin, kempen1, aBarrier)).toEqual([]);
  });
});
