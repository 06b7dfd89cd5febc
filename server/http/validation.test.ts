import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('bad input gets a 400 naming the field', () => {
  it('malformed JSON', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', '{"username": "admin", ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Malformed JSON/);
  });

  it('an unknown field', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', {
      username: 'admin',
      password: 'demo',
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('isAdmin');
  });

  it('a wrong type', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', { username: 42, password: 'demo' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.username');
  });

  it('a missing field', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', { username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('body.password');
  });

  it('a NUL character anywhere (PostgreSQL text cannot hold it): 400, not a failed query', async () => {
    const admin = new ApiClient(t.url);
    await admin.login('admin');
    for (const path of ['/api/audit?subjectType=%00', '/api/audit?subjectId=a%00b']) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error).toMatch(/query contains a NUL character/);
    }
    const body = await admin.post('/api/auth/login', { username: 'admin\u0000', password: 'demo' });
    expect(body.status).toBe(400);
    expect(body.body.error).toMatch(/body contains a NUL character/);
  });

  it('a board filter for a household of nobody (found by the fuzz test: it was a 500)', async () => {
    const worker = new ApiClient(t.url);
    await worker.login('permanentie');
    for (const q of ['adults=', 'adults=0', 'adults=0&children=0']) {
      const res = await worker.get(`/api/board?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error).toContain('query.adults: a household has at least one person');
    }
    expect((await worker.get('/api/board?adults=0&children=2')).status).toBe(200);
  });

  it('a body that is not an object', async () => {
    const res = await new ApiClient(t.url).post('/api/auth/login', '[1,2]');
    expect(res.status).toBe(400);
  });

  it('a wrong query parameter', async () => {
    const api = new ApiClient(t.url);
    await api.login('admin');
    const res = await api.get('/api/audit?limit=many');
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('query.limit');
  });

  it('a body on a route that takes none', async () => {
    const api = new ApiClient(t.url);
    await api.login('admin');
    const res = await api.post('/api/auth/logout', { everything: true });
    expect(res.status).toBe(400);
    expect((await api.get('/api/auth/me')).status).toBe(200);
  });

  it('an unknown API route is 404, not the console page', async () => {
    const res = await new ApiClient(t.url).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/No API route/);
  });
});
