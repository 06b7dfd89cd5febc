// Privacy: the national register number (validated, masked, stored only where authorised), the
// per-person access report (GDPR art. 15), and pseudonymisation after the retention period with the
// key figures unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { pseudonymiseExpired } from './retention';
import { reencryptRrns } from '../intake/rrn-rotation';
import { decryptRrn } from './rrn-crypto';
import { loadConfig } from '../config';

const intake = (person: Record<string, unknown>, story?: string) => ({
  referrer: { kind: 'hospital', organisation: 'AZ Herentals spoed', phone: '0470 11 22 33' },
  person,
  household: { type: 'moeder_met_kinderen', adults: 1, children: 1, childrenAges: [3] },
  ethos: 'leaving_institution',
  needs: ['psychiatric'],
  story,
  facts: { requestNis: '13011', housing: 'homeless', stayNis: '13011' },
});

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
let t: TestServer;
let authorised: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { RETENTION_DAYS: '365' } });
  authorised = await startTestServer({ env: { STORE_RRN: 'true', RRN_KEY: KEY_A } });
});
afterAll(async () => {
  await t.close();
  await authorised.close();
});
const as = async (server: TestServer, username: string) => {
  const c = new ApiClient(server.url);
  await c.login(username);
  return c;
};

describe('the national register number', () => {
  it('is refused where the deployment is not authorised, and by checksum everywhere, naming the field', async () => {
    const worker = await as(t, 'permanentie');
    const off = await worker.post('/api/intakes', intake({ name: 'R.R.', rrn: '85.07.30-033.28' }));
    expect(off.status).toBe(400);
    expect(off.body.issues[0]).toMatchObject({ path: 'body.person.rrn' });
    expect(off.body.error).toMatch(/does not store national register numbers/);
    const bad = await (await as(authorised, 'permanentie')).post(
      '/api/intakes',
      intake({ name: 'R.R.', rrn: '85.07.30-033.29' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('body.person.rrn');
  });

  it('is stored only where authorised, and only ever shown masked', async () => {
    const worker = await as(authorised, 'permanentie');
    const res = await worker.post('/api/intakes', intake({ name: 'R.R.', rrn: '85.07.30-033.28' }));
    expect(res.status).toBe(201);
    expect(res.body.person.rrn).toBe('85.07.30-***.**');
    expect(JSON.stringify(res.body)).not.toContain('03328');
    const row = await authorised.db.db
      .selectFrom('intakes')
      .select('rrn')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.rrn).toMatch(/^v1:[0-9a-f]{8}:/); // AES-256-GCM at rest, never the number
    expect(row.rrn).not.toContain('85073003328');
    expect(decryptRrn(row.rrn!, loadConfig({ STORE_RRN: 'true', RRN_KEY: KEY_A }).rrnKeys!)).toBe('85073003328');
  });

  it('is re-encrypted under a new key at rotation, and refused at start without a key', async () => {
    const rotated = loadConfig({ STORE_RRN: 'true', RRN_KEY: KEY_B, RRN_KEYS_PREVIOUS: KEY_A }).rrnKeys!;
    const db = authorised.db.db;
    expect(
      (
        await (
          await as(authorised, 'permanentie')
        ).post('/api/intakes', intake({ name: 'R.S.', rrn: '85.07.30-033.28' }))
      ).status,
    ).toBe(201);
    const first = (
      await db
        .selectFrom('intakes')
        .select('id')
        .where('rrn', 'is not', null)
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('intakes').set({ rrn: '85073003328' }).where('id', '=', first).execute(); // one stored before encryption
    expect(await reencryptRrns(db, rotated)).toBe(2);
    expect(await reencryptRrns(db, rotated)).toBe(0);
    for (const r of await db.selectFrom('intakes').select('rrn').where('rrn', 'is not', null).execute()) {
      expect(decryptRrn(r.rrn!, { current: rotated.current, previous: [] })).toBe('85073003328');
    }
    expect(() => loadConfig({ STORE_RRN: 'true' })).toThrow(/RRN_KEY/);
    expect(() => loadConfig({ STORE_RRN: 'true', RRN_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});

describe('access report and retention', () => {
  it("lists who read and changed a person's records; after the retention period the person is gone and the figures stay", async () => {
    const clock = t.clock as ManualClock;
    clock.set('2026-10-24T21:00:00Z');
    const worker = await as(t, 'permanentie');
    const created = (
      await worker.post(
        '/api/intakes',
        intake({ name: 'Lotte Leysen', birthDate: '1990-03-04', sex: 'f' }, 'Na opname, geen plek bij familie.'),
      )
    ).body;
    const place = ((await worker.get('/api/board?adults=1&children=1&needs=women')).body.places as any[]).find(
      (p) => p.suitable && p.free > 0 && p.type !== 'hotel',
    );
    await worker.post(`/api/intakes/${created.id}/hold`, { placeId: place.id });
    await worker.post(`/api/intakes/${created.id}/place`);
    const lead = await as(t, 'coordinator');
    await lead.get(`/api/intakes/${created.id}`);

    const report = await lead.post('/api/privacy/access-report', { name: 'lotte leysen', birthDate: '1990-03-04' });
    expect(report.status).toBe(200);
    expect(report.body.intakes.map((i: any) => i.id)).toEqual([created.id]);
    const who = report.body.entries.map((e: any) => `${e.action}:${e.by}`);
    expect(who).toContain('create:Sofie Permanentie');
    expect(who).toContain('read:Koen Coördinator');
    expect(who.filter((w: string) => w.startsWith('update')).length).toBeGreaterThanOrEqual(1);
    expect((await worker.post('/api/privacy/access-report', { name: 'x', birthDate: '1990-03-04' })).status).toBe(403);
    const admin = await as(t, 'admin');
    expect((await admin.post('/api/privacy/access-report', { name: 'Lotte Leysen' })).status).toBe(400);

    const figures = async () =>
      (await (await as(t, 'coordinator')).get('/api/figures?from=2026-10-01&to=2026-10-31')).body;
    clock.set('2027-11-01T10:00:00Z'); // more than 365 days later
    const before = await figures(); // at the same instant: a handoff's "pending" turns "late" with time, not with pseudonymising
    expect((await pseudonymiseExpired(t.app.services)).intakes).toBeGreaterThanOrEqual(1);
    expect((await pseudonymiseExpired(t.app.services)).intakes).toBe(0); // once
    const row = await t.db.db.selectFrom('intakes').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.person_name).toMatch(/^Pseudoniem /);
    expect([row.birth_date, row.sex, row.story, row.person_key, row.children_ages]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(row.needs).toEqual([]);
    expect(row.referrer).toEqual({ kind: 'hospital', organisation: 'AZ Herentals spoed' });
    expect([row.household_type, row.children, row.ethos, row.competent_nis, row.birth_year]).toEqual([
      'moeder_met_kinderen',
      1,
      'leaving_institution',
      '13011',
      1990,
    ]);
    const hold = await t.db.db
      .selectFrom('holds')
      .select('initials')
      .where('id', '=', row.hold_id!)
      .executeTakeFirstOrThrow();
    expect(hold.initials).toBe('—');
    const after = await figures();
    expect({ ...after, generatedAt: undefined }).toEqual({ ...before, generatedAt: undefined });
    expect(
      (
        await (
          await as(t, 'coordinator')
        ).post('/api/privacy/access-report', { name: 'Lotte Leysen', birthDate: '1990-03-04' })
      ).status,
    ).toBe(400);
    expect(
      (await (await as(t, 'coordinator')).post('/api/privacy/access-report', { intakeId: created.id })).body.entries
        .length,
    ).toBeGreaterThan(3);
  });
});

describe('names in every script', () => {
  const people = [
    { name: 'محمد الأمين', lookup: 'محمد الامين', birthDate: '1980-01-02' },
    { name: 'Наталья Кузнецова', lookup: 'НАТАЛЬЯ  КУЗНЕЦОВА', birthDate: '1981-02-03' },
    { name: '王小明', lookup: '王小明', birthDate: '1982-03-04' },
    { name: 'Céline Dûbois-Ørsted', lookup: 'celine dubois orsted', birthDate: '1983-04-05' },
  ];
  it('finds the person in the access report for Arabic, Cyrillic, Chinese and accented Latin names', async () => {
    const worker = await as(t, 'permanentie');
    const lead = await as(t, 'coordinator');
    for (const p of people) {
      const created = await worker.post('/api/intakes', intake({ name: p.name, birthDate: p.birthDate }));
      expect(created.status).toBe(201);
      const report = await lead.post('/api/privacy/access-report', { name: p.lookup, birthDate: p.birthDate });
      expect(report.status, p.name).toBe(200);
      expect(report.body.intakes.map((i: any) => i.id)).toEqual([created.body.id]);
    }
  });

  it('never links two different names with one birth date, and refuses a name with nothing to look up', async () => {
    const worker = await as(t, 'permanentie');
    const first = (await worker.post('/api/intakes', intake({ name: 'Mohamed 1', birthDate: '1979-05-06' }))).body;
    const second = (await worker.post('/api/intakes', intake({ name: 'Mohamed 2 محمد', birthDate: '1979-05-06' })))
      .body;
    const detail = (await worker.get(`/api/intakes/${second.id}`)).body;
    expect(detail.earlier).toEqual([]);
    const lead = await as(t, 'coordinator');
    const report = await lead.post('/api/privacy/access-report', { name: 'Mohamed 1', birthDate: '1979-05-06' });
    expect(report.body.intakes.map((i: any) => i.id)).toEqual([first.id]);
    const empty = await lead.post('/api/privacy/access-report', { name: '---', birthDate: '1979-05-06' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/no letters or digits/);
  });
});
