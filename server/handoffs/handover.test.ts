// Handing over to an OCMW the desk does not serve (issue 15): the placement still makes the guarantee
// and the handoff, the worker records how it was handed over, prints a letter in the OCMW's language,
// and the cost statement lists the guarantee under that OCMW. Expected values by hand: Friday 27 Nov
// 2026 23:10, an OCMW outside the regions opens weekdays 09:00, so Friday to Sunday night, due Monday 09:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startSignedIn, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let worker: ApiClient;
beforeAll(async () => {
  ({ t, client: worker } = await startSignedIn('permanentie', '2026-11-27T22:10:00Z'));
});
afterAll(() => t.close());

async function placeOutside(name: string, facts: Record<string, unknown>) {
  const intake = (
    await worker.post('/api/intakes', {
      referrer: { kind: 'police', organisation: 'PZ Balen-Dessel-Mol' },
      person: { name, birthDate: '1994-02-11' },
      household: { type: 'alleenstaande_man', adults: 1, children: 0 },
      ethos: 'public_space',
      facts,
    })
  ).body;
  const board = (await worker.get('/api/board?adults=1&children=0&needs=men')).body.places as any[];
  const place = board.find((p) => p.suitable && p.free > 0 && p.type !== 'hotel');
  expect((await worker.post(`/api/intakes/${intake.id}/hold`, { placeId: place.id })).status).toBe(201);
  const placed = await worker.post(`/api/intakes/${intake.id}/place`);
  expect(placed.status).toBe(200);
  return { placed: placed.body, place };
}

describe('a case for the CPAS of Charleroi, placed in the Kempen', () => {
  let handoffId: string;
  let costPerNight: number;

  it('makes the guarantee and the handoff to that CPAS, due at its next opening', async () => {
    const { placed, place } = await placeOutside('Youssef Testman', {
      requestNis: '13025',
      housing: 'homeless',
      asylum: { registrationNis: '52011' },
    });
    costPerNight = place.costPerNightCents;
    expect(placed.guarantee).toMatchObject({
      ocmw: { nis: '52011' },
      firstNight: '2026-11-27',
      nights: 3,
      totalCents: 3 * costPerNight,
    });
    expect(placed.handoff).toMatchObject({ status: 'open', ocmw: { nis: '52011' }, served: false, handover: null });
    expect(new Date(placed.handoff.dueAt).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' })).toBe(
      '2026-11-30 09:00:00',
    );
    handoffId = placed.handoff.id;
  });

  it('refuses a handover without whom or with a bad e-mail, naming the field', async () => {
    const noWhom = await worker.post(`/api/handoffs/${handoffId}/handover`, { method: 'phone', contact: '' });
    expect(noWhom.status).toBe(400);
    expect(noWhom.body.issues[0].path).toBe('body.contact');
    const badMail = await worker.post(`/api/handoffs/${handoffId}/handover`, {
      method: 'email',
      contact: 'not-an-address',
    });
    expect(badMail.status).toBe(400);
    const future = await worker.post(`/api/handoffs/${handoffId}/handover`, {
      method: 'phone',
      contact: 'Mme Dupont',
      at: '2026-11-28T09:00:00+01:00',
    });
    expect(future.status).toBe(400);
    expect(future.body.issues[0].path).toBe('body.at');
  });

  it('records a phone handover (with whom, when), which acknowledges it for the CPAS', async () => {
    const res = await worker.post(`/api/handoffs/${handoffId}/handover`, {
      method: 'phone',
      contact: 'Mme Dupont, assistante sociale de garde',
      at: '2026-11-27T23:05:00+01:00',
    });
    expect(res.status).toBe(200);
    expect(res.body.handoff).toMatchObject({
      status: 'acknowledged',
      handover: {
        method: 'phone',
        contact: 'Mme Dupont, assistante sociale de garde',
        at: '2026-11-27T22:05:00.000Z',
        by: 'Sofie Permanentie',
      },
    });
    expect(res.body.handoff.events.map((e: any) => e.kind)).toEqual(['created', 'handed_over']);
  });

  it('prints the letter in French for a Walloon CPAS, and in Dutch on request', async () => {
    const res = await worker.get(`/api/handoffs/${handoffId}/letter`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.body as string;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('CPAS de Charleroi');
    expect(html).toContain('Youssef Testman');
    // The case's reference, the first of the night of Friday 27 November in the Kempen.
    expect(html).toMatch(/<th scope="row">Référence<\/th><td>K-2711-01<\/td>/);
    const queue = (await worker.get('/api/handoffs')).body as { id: string; reference: string }[];
    expect(queue.find((h) => h.id === handoffId)?.reference).toBe('K-2711-01');
    expect(html).toMatch(/commune d&#39;inscription \(lieu obligatoire, code 207\), Charleroi/);
    expect(html).toMatch(/Mme Dupont/);
    expect(html).toContain('lundi 30 novembre 2026');
    const nl = (await worker.get(`/api/handoffs/${handoffId}/letter?lang=nl`)).body as string;
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Verzoeker om internationale of tijdelijke bescherming');
    const audited = await t.db.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'read')
      .where('subject_type', '=', 'intake')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('lists the guarantee under the CPAS of Charleroi in the cost statement', async () => {
    const coordinator = new ApiClient(t.url);
    await coordinator.login('coordinator');
    const res = await coordinator.get('/api/figures/costs?month=2026-11');
    expect(res.status).toBe(200);
    const charleroi = res.body.ocmws.find((o: any) => o.nis === '52011');
    expect(charleroi).toMatchObject({
      name: 'CPAS de Charleroi',
      guarantees: 1,
      nights: 3,
      totalCents: 3 * costPerNight,
    });
  });

  it('keeps the letter from OCMW staff of another OCMW', async () => {
    const turnhout = new ApiClient(t.url);
    await turnhout.login('ocmw-turnhout');
    expect((await turnhout.get(`/api/handoffs/${handoffId}/letter`)).status).toBe(403);
  });
});

describe('a case for a Dutch-speaking OCMW outside the region', () => {
  it('prints the letter in Dutch and records an e-mail handover', async () => {
    const { placed } = await placeOutside('Pieter Testmans', {
      requestNis: '13040',
      housing: 'housed',
      residenceNis: '12025',
    });
    const id = placed.handoff.id;
    const res = await worker.post(`/api/handoffs/${id}/handover`, {
      method: 'email',
      contact: 'sociale.dienst@mechelen.example.be',
    });
    expect(res.body.handoff).toMatchObject({
      status: 'acknowledged',
      handover: { method: 'email', at: '2026-11-27T22:10:00.000Z' },
    });
    const html = (await worker.get(`/api/handoffs/${id}/letter`)).body as string;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('OCMW Mechelen');
    expect(html).toContain('per e-mail aan sociale.dienst@mechelen.example.be');
  });
});
