// Personal data and the audit trail, derived from the route declarations: every route declared
// `personal` writes an audit row for the reader and answers with Cache-Control: no-store; every other
// route answers without the markers of a person, a caller or a text. The admin, who does not read
// intakes, gets no free text from the audit trail, and reading the trail is audited itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../server/db/schema';
import { apiRoutes } from '../server/routes';
import { rolesOf } from '../server/http/route';
import { FakeTwilio } from './fake-twilio';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

const SID = `AC${'8'.repeat(32)}`;
const TOKEN = 'personal-data-token-01234';
const PUBLIC = 'https://desk.example.be';
const LOGINS: Record<Role, string> = {
  coordinator: 'coordinator',
  duty_worker: 'permanentie',
  admin: 'admin',
  ocmw_staff: 'ocmw-turnhout',
  allocator: 'toewijzer',
};
const M = {
  name: 'Brixtonia Welkamoor',
  birthDate: '1972-08-19',
  caller: '+32470564738',
  sms: 'Plumquavish bij de kerk',
  overrideReason: 'Vroeger ingeschreven in Turnhout, Gravelpomp',
  forwardReason: 'Woonde laatst in Geel, Tunderplik',
};

let t: TestServer;
const clients = {} as Record<Role, ApiClient>;
const ids = { intake: '', handoff: '', call: '', registration: '', home: '', trajectory: '' };
beforeAll(async () => {
  t = await startTestServer({
    env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_PHONE_NUMBER: '+3214000000', PUBLIC_URL: PUBLIC },
  });
  for (const [role, username] of Object.entries(LOGINS) as [Role, string][]) {
    clients[role] = new ApiClient(t.url);
    await clients[role].login(username);
  }
  const worker = clients.duty_worker;
  const created = await worker.post('/api/intakes', {
    referrer: { kind: 'police', organisation: 'PZ Kempen' },
    person: { name: M.name, birthDate: M.birthDate, sex: 'f' },
    household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
    ethos: 'public_space',
    needs: [],
    facts: { requestNis: '13011', housing: 'homeless', stayNis: '13011' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids.intake = created.body.id;
  expect(
    (await worker.post(`/api/intakes/${ids.intake}/competence`, { nis: '13040', reason: M.overrideReason })).status,
  ).toBe(200);
  const place = ((await worker.get('/api/board?adults=1')).body.places as any[]).find(
    (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
  );
  expect((await worker.post(`/api/intakes/${ids.intake}/hold`, { placeId: place.id })).status).toBe(201);
  expect((await worker.post(`/api/intakes/${ids.intake}/place`)).status).toBe(200);
  ids.handoff = (
    await t.db.db.selectFrom('handoffs').select('id').where('intake_id', '=', ids.intake).executeTakeFirstOrThrow()
  ).id;
  expect(
    (
      await clients.coordinator.post(`/api/handoffs/${ids.handoff}/forward`, {
        toNis: '13008',
        reason: M.forwardReason,
      })
    ).status,
  ).toBe(200);
  // The road home: registered from the handoff, allocated a kamerwoning, moved in.
  const reg = await clients.coordinator.post('/api/housing/registrations', {
    handoffId: ids.handoff,
    origin: 'hotel',
    urgency: 'high',
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  ids.registration = reg.body.id;
  ids.home = ((await worker.get('/api/housing/homes')).body.homes as any[]).find(
    (h) => h.name === 'Kamerwoning Turnhout Noord',
  ).id;
  const alloc = await clients.allocator.post(`/api/housing/homes/${ids.home}/allocate`, {
    registrationId: ids.registration,
  });
  expect(alloc.status, JSON.stringify(alloc.body)).toBe(201);
  const moved = await clients.coordinator.post(`/api/housing/allocations/${alloc.body.id}/move-in`, {
    moveIn: '2026-10-25',
    guidance: { by: 'caw', frequency: 'weekly' },
  });
  expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  ids.trajectory = moved.body.id;
  // One household allocated and awaiting its move-in, one still waiting: the proposal and the list read them.
  const byHand = (personName: string) =>
    clients.coordinator.post('/api/housing/registrations', {
      personName,
      municipalityNis: '13008',
      household: { type: 'alleenstaande_vrouw', adults: 1, children: 0 },
      ethos: 'with_family_friends',
      origin: 'with_network',
      urgency: 'normal',
    });
  const pending = (await byHand('Wachtend Allocatie')).body.id;
  const stelen = ((await worker.get('/api/housing/homes')).body.homes as any[]).find(
    (h) => h.name === 'Doorgangswoning Geel Stelen',
  ).id;
  expect(
    (await clients.allocator.post(`/api/housing/homes/${stelen}/allocate`, { registrationId: pending })).status,
  ).toBe(201);
  expect((await byHand('Wachtend Lijst')).status).toBe(201);
  const fake = new FakeTwilio({
    baseUrl: t.url,
    publicUrl: PUBLIC,
    authToken: TOKEN,
    accountSid: SID,
    phoneNumber: '+3214000000',
  });
  const now = (await worker.get('/api/oncall/now')).body;
  for (const p of [now.primary, now.backup, now.coordinator]) if (p) fake.phone(p.phone).doesNotAnswer();
  await fake.call({ from: M.caller, voicemail: { durationSec: 5 } });
  await fake.sms({ from: M.caller, body: M.sms });
  ids.call = (
    await t.db.db.selectFrom('calls').select('id').where('from_number', '=', M.caller).executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const concrete = (path: string) =>
  path
    .replace('/api/intakes/:id', `/api/intakes/${ids.intake}`)
    .replace('/api/handoffs/:id', `/api/handoffs/${ids.handoff}`)
    .replace('/api/calls/:id', `/api/calls/${ids.call}`)
    .replace('/api/housing/prefill/:id', `/api/housing/prefill/${ids.handoff}`)
    .replace('/api/housing/registrations/:id', `/api/housing/registrations/${ids.registration}`)
    .replace('/api/housing/homes/:id', `/api/housing/homes/${ids.home}`)
    .replace('/api/housing/trajectories/:id', `/api/housing/trajectories/${ids.trajectory}`)
    .replace('/api/housing/occupancy', '/api/housing/occupancy?from=2026-10&to=2026-10')
    .replace('/api/housing/contingent', '/api/housing/contingent?year=2026');
const reads = async (username: string) =>
  Number(
    (
      await t.db.db
        .selectFrom('audit_log')
        .innerJoin('users', 'users.id', 'audit_log.user_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('users.username', '=', username)
        .where('audit_log.action', '=', 'read')
        .executeTakeFirstOrThrow()
    ).n,
  );
const reader = (roles: readonly Role[]) =>
  (['coordinator', 'duty_worker', 'admin', 'ocmw_staff', 'allocator'] as Role[]).find((r) => roles.includes(r))!;
const gets = apiRoutes.filter((r) => r.method === 'get' && r.policy !== 'public');

describe('routes declared personal', () => {
  it('are declared where the answer can hold the person, the caller or the text', () => {
    expect(gets.filter((r) => r.personal).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/intakes/:id', '/api/handover', '/api/audit', '/api/sms']),
    );
  });

  it.each(gets.filter((r) => r.personal).map((r) => [r.path, r] as const))(
    'GET %s writes an audit row and is never cached',
    async (_p, route) => {
      const role = reader(rolesOf(route) as readonly Role[]);
      const before = await reads(LOGINS[role]);
      const res = await clients[role].get(concrete(route.path));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await reads(LOGINS[role])).toBeGreaterThan(before);
    },
  );

  it('the handover summary audits each missed caller it shows', async () => {
    const summary = (await clients.duty_worker.get('/api/handover')).body;
    expect(summary.missedCalls.map((c: any) => c.from)).toContain(M.caller);
    const row = await t.db.db
      .selectFrom('audit_log')
      .select('id')
      .where('subject_type', '=', 'call')
      .where('subject_id', '=', ids.call)
      .where('action', '=', 'read')
      .where('user_id', '=', (await clients.duty_worker.get('/api/auth/me')).body.user.id)
      .executeTakeFirst();
    expect(row).toBeDefined();
  });
});

describe('routes not declared personal', () => {
  const cases = gets
    .filter((r) => !r.personal)
    .flatMap((r) => (rolesOf(r) as readonly Role[]).map((role) => [r.path, role, r] as const));
  it.each(cases)('GET %s as %s answers without the person, the caller or the text', async (_p, role, route) => {
    const res = await clients[role].get(concrete(route.path));
    const text = JSON.stringify(res.body);
    for (const marker of [M.name, 'Brixtonia', M.birthDate, M.caller.slice(3), 'Plumquavish'])
      expect(text).not.toContain(marker);
  });
});

describe('the audit trail', () => {
  it("gives the admin no free text written about people, and audits the admin's reading", async () => {
    const res = await clients.admin.get('/api/audit?limit=500');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const marker of ['Gravelpomp', 'Tunderplik']) expect(text).not.toContain(marker);
    const override = res.body.entries.find((e: any) => e.subjectId === ids.intake && e.detail?.competence === '13040');
    expect(override.detail).toEqual({ competence: '13040', hidden: ['reason'] });
    const again = await clients.admin.get('/api/audit?subjectType=audit_log');
    expect(again.body.entries.length).toBeGreaterThanOrEqual(1);
    expect(again.body.entries[again.body.entries.length - 1]).toMatchObject({
      action: 'read',
      username: 'admin',
      subjectType: 'audit_log',
    });
  });

  it('shows the reasons to a coordinator, who reads intakes, in the access report', async () => {
    const report = await clients.coordinator.post('/api/privacy/access-report', { intakeId: ids.intake });
    expect(JSON.stringify(report.body)).toContain('Gravelpomp');
    const asAdmin = await clients.admin.post('/api/privacy/access-report', { intakeId: ids.intake });
    expect(asAdmin.status).toBe(200);
    expect(JSON.stringify(asAdmin.body)).not.toContain('Gravelpomp');
    expect(JSON.stringify(asAdmin.body)).not.toContain('Tunderplik');
  });
});
