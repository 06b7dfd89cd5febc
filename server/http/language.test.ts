// Error answers speak the reader's language: the console sends its own (nl-BE first), a client that
// sends none gets English. Sentences of rules, routes and zod itself are all resolved at the edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
let coordinator: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  coordinator = new ApiClient(t.url);
  await coordinator.login('coordinator');
});
afterAll(() => t.close());

const nl = { 'Accept-Language': 'nl-BE,nl;q=0.9,en;q=0.5' };
const en = { 'Accept-Language': 'en-GB,en;q=0.9' };
const CONTROL = /[\u0002\u0003\u001f]/;

const badIntake = {
  referrer: { kind: 'police', organisation: 'PZ Kempen' },
  person: { name: 'M.K.', birthDate: '1990-02-30' },
  household: { type: 'moeder_met_kinderen', adults: 1, children: 0 },
  ethos: 'public_space',
  facts: { housing: 'homeless', stayNis: '13040', requestNis: '13040' },
};

describe("error answers in the reader's language", () => {
  it("names the field in Dutch for the console, rule sentences and zod's own", async () => {
    const res = await coordinator.request('POST', '/api/intakes', badIntake, nl);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('nl-BE');
    expect(res.body.error).toMatch(/^Ongeldige aanvraag: /);
    const byPath = Object.fromEntries(
      res.body.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(byPath['body.person.birthDate']).toBe('geen bestaande datum (JJJJ-MM-DD)');
    expect(byPath['body.household.children']).toBe('een huishouden "moeder met kinderen" heeft minstens één kind');
    expect(JSON.stringify(res.body)).not.toMatch(CONTROL);
  });

  it('answers the same request in English when asked', async () => {
    const res = await coordinator.request('POST', '/api/intakes', badIntake, en);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.body.error).toMatch(/^Invalid request: /);
    expect(res.body.error).toContain(
      'body.household.children: a household "moeder_met_kinderen" has at least one child',
    );
  });

  it("translates zod's built-in messages too", async () => {
    const res = await new ApiClient(t.url).request('POST', '/api/auth/login', { username: 42, password: 'x' }, nl);
    expect(res.status).toBe(400);
    expect(res.body.issues[0].message).toMatch(/^Ongeldige invoer: verwacht string/);
  });

  it('gives English to a client that names no language, and in nothing else', async () => {
    const res = await coordinator.request('GET', '/api/handoffs/not-an-id');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Invalid request: params.id: not a valid id');
    expect(JSON.stringify(res.body)).not.toMatch(CONTROL);
  });

  it('speaks Dutch on 403, 404 and a wrong password too', async () => {
    const ocmw = new ApiClient(t.url);
    await ocmw.login('ocmw-turnhout');
    const forbidden = await ocmw.request('GET', '/api/users', undefined, nl);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toBe('Je rol mag dit niet.');
    const missing = await coordinator.request('GET', '/api/no-such-route', undefined, nl);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('Geen API-route GET /api/no-such-route.');
    const wrong = await new ApiClient(t.url).request(
      'POST',
      '/api/auth/login',
      { username: 'admin', password: 'wrong' },
      nl,
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('Verkeerde gebruikersnaam of wachtwoord.');
  });

  it('leaves successful answers untouched', async () => {
    const res = await coordinator.request('GET', '/api/region', undefined, nl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBeNull();
  });
});
