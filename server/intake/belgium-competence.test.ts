// Competence outside the region (issue 15): the four intakes that were refused, and every rule of the
// table (DOMAIN.md, Wet 2 april 1965 art. 1-2) landing on an OCMW the desk does not serve, named in
// its own language. Expected codes and names come from Statbel's list and the table, by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startSignedIn, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let worker: ApiClient;
beforeAll(async () => {
  ({ t, client: worker } = await startSignedIn('permanentie', '2026-11-27T22:10:00Z'));
});
afterAll(() => t.close());

const basicIntake = (over: Record<string, unknown>) => ({
  referrer: { kind: 'police', organisation: 'PZ Regio Turnhout' },
  person: { name: 'Ahmed Test', birthDate: '1990-03-04' },
  household: { type: 'alleenstaande_man', adults: 1, children: 0 },
  ethos: 'public_space',
  ...over,
});
const intake = (facts: Record<string, unknown>) => worker.post('/api/intakes', basicIntake({ facts }));

describe('the intakes the issue found refused', () => {
  it.each([
    [
      'a patient leaving the psychiatric hospital in Geel, registered in Antwerpen at admission',
      {
        requestNis: '13008',
        housing: 'homeless',
        institution: { kind: 'listed', nis: '13008', registeredAtAdmissionNis: '11002' },
      },
      '11002',
      'institution_registered',
      'OCMW Antwerpen',
      'nl',
    ],
    [
      'a student registered in Leuven, stranded in Turnhout',
      { requestNis: '13040', housing: 'homeless', student: { registrationNis: '24062' } },
      '24062',
      'student',
      'OCMW Leuven',
      'nl',
    ],
    [
      'a family whose home in Mechelen burned, asking in Turnhout',
      { requestNis: '13040', housing: 'housed', residenceNis: '12025' },
      '12025',
      'residence',
      'OCMW Mechelen',
      'nl',
    ],
    [
      'an asylum seeker registered in Charleroi, found in Mol',
      { requestNis: '13025', housing: 'homeless', asylum: { registrationNis: '52011' } },
      '52011',
      'asylum',
      'CPAS de Charleroi',
      'fr',
    ],
  ])('decides %s', async (_label, facts, nis, rule, ocmw, lang) => {
    const res = await intake(facts);
    expect(res.status).toBe(201);
    expect(res.body.competence).toMatchObject({ nis, rule, ocmw: { name: ocmw, served: false, letterLanguage: lang } });
    expect(res.body.competence.reason.nl.length).toBeGreaterThan(20);
  });
});

describe('every rule of the table, out of the region', () => {
  it.each([
    [
      'student',
      { requestNis: '13040', housing: 'homeless', student: { registrationNis: '44021' } },
      '44021',
      'OCMW Gent',
    ],
    [
      'asylum',
      { requestNis: '13040', housing: 'homeless', asylum: { registrationNis: '62063' } },
      '62063',
      'CPAS de Liège',
    ],
    [
      'leaving_reception',
      {
        requestNis: '13040',
        housing: 'homeless',
        leavingReception: { newHomeNis: '92094', rentGuaranteeByLastDay: true },
      },
      '92094',
      'CPAS de Namur',
    ],
    [
      'institution_registered',
      {
        requestNis: '13008',
        housing: 'homeless',
        institution: { kind: 'listed', nis: '13008', registeredAtAdmissionNis: '21009' },
      },
      '21009',
      "OCMW Elsene / CPAS d'Ixelles",
    ],
    [
      'institution_unregistered',
      {
        requestNis: '13040',
        housing: 'homeless',
        institution: { kind: 'listed', nis: '12025', registeredAtAdmissionNis: null },
      },
      '12025',
      'OCMW Mechelen',
    ],
    [
      'hospital',
      {
        requestNis: '13040',
        housing: 'homeless',
        institution: { kind: 'general_hospital', nis: '24062', urgentDuringStay: true },
      },
      '24062',
      'OCMW Leuven',
    ],
    ['homeless', { requestNis: '13040', housing: 'homeless', stayNis: '11002' }, '11002', 'OCMW Antwerpen'],
    [
      'reference_address',
      { requestNis: '13040', housing: 'reference_address', stayNis: '71072' },
      '71072',
      'OCMW Hasselt',
    ],
    [
      'rent_guarantee_departure',
      { requestNis: '13040', housing: 'housed', rentGuaranteeMove: { fromNis: '63023', toNis: '13040' } },
      '63023',
      'ÖSHZ Eupen',
    ],
    ['residence', { requestNis: '13040', housing: 'housed', residenceNis: '55035' }, '55035', 'CPAS du Roeulx'],
  ])('%s', async (rule, facts, nis, ocmw) => {
    const res = await intake(facts);
    expect(res.status).toBe(201);
    expect(res.body.competence).toMatchObject({ nis, rule, ocmw: { name: ocmw, served: false } });
  });

  it('still names a served OCMW as served', async () => {
    const res = await intake({ requestNis: '13040', housing: 'homeless', stayNis: '13008' });
    expect(res.body.competence.ocmw).toMatchObject({ nis: '13008', served: true });
  });
});

describe('names and unknown codes', () => {
  it('accepts a municipality typed by its name in any language and stores its code', async () => {
    const res = await intake({ requestNis: 'Turnhout', housing: 'homeless', asylum: { registrationNis: 'charleroi' } });
    expect(res.status).toBe(201);
    expect(res.body.competence).toMatchObject({ nis: '52011', rule: 'asylum' });
    expect(res.body.facts).toMatchObject({ requestNis: '13040', asylum: { registrationNis: '52011' } });
  });

  it('refuses an unknown code with 400 naming the field, and a mistyped name with the closest names', async () => {
    const before = await t.db.db
      .selectFrom('intakes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const code = await intake({ requestNis: '13040', housing: 'homeless', stayNis: '11007' }); // Borsbeek, merged in 2025
    expect(code.status).toBe(400);
    expect(code.body.issues[0]).toMatchObject({ path: 'body.facts.stayNis' });
    expect(code.body.error).toMatch(/11007/);
    const typed = await worker.request(
      'POST',
      '/api/intakes',
      basicIntake({ facts: { requestNis: '13040', housing: 'homeless', student: { registrationNis: 'Lueven' } } }),
      { 'Accept-Language': 'nl' },
    );
    expect(typed.status).toBe(400);
    expect(typed.body.issues[0].path).toBe('body.facts.student.registrationNis');
    expect(typed.body.issues[0].suggestions.map((s: { nis: string }) => s.nis)).toContain('24062');
    expect(typed.body.error).toMatch(/bedoel je .*Leuven \(24062\)/);
    const after = await t.db.db
      .selectFrom('intakes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('the region stays the region', () => {
  it('refuses a place in a municipality outside every region, naming the field, and writes nothing', async () => {
    const coordinator = new ApiClient(t.url);
    await coordinator.login('coordinator');
    const body = {
      name: 'Noodkamer Antwerpen',
      provider: 'CAW',
      municipalityNis: '11002',
      type: 'caw_noodkamer',
      suits: ['men'],
      roomType: 'kamer',
      capacity: 1,
      costPerNightCents: 3500,
    };
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('places')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await coordinator.post('/api/places', body);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.municipalityNis');
    expect(res.body.error).toMatch(/Antwerpen \(11002\)/);
    expect(await count()).toBe(before);
  });
});

describe('GET /api/municipalities', () => {
  it('finds a municipality anywhere in Belgium by name or code, with its OCMW and whether the desk serves it', async () => {
    const byName = await worker.get('/api/municipalities?q=charleroi');
    expect(byName.status).toBe(200);
    expect(byName.body.municipalities[0]).toEqual({
      nis: '52011',
      name: 'Charleroi',
      ocmw: 'CPAS de Charleroi',
      served: false,
    });
    const byCode = await worker.get('/api/municipalities?q=13040');
    expect(byCode.body.municipalities).toEqual([
      { nis: '13040', name: 'Turnhout', ocmw: 'Sociaal Huis Turnhout', served: true },
    ]);
    expect((await worker.get('/api/municipalities')).status).toBe(400);
  });
});
