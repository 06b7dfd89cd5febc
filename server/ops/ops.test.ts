import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { testDatabaseKind } from '../../test/helpers/db';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('operations', () => {
  it('healthz reports the database', async () => {
    const res = await new ApiClient(t.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok', databaseKind: testDatabaseKind });
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await new ApiClient(t.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(res.body.paths['/api/users'].get['x-roles']).toEqual(['coordinator', 'admin']);
    const audit = res.body.paths['/api/audit'].get;
    expect(audit.parameters.map((p: { name: string }) => p.name)).toContain('subjectType');
  });

  it('sets security headers', async () => {
    const res = await new ApiClient(t.url).get('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('gives the region with its municipalities to a signed-in user', async () => {
    const api = new ApiClient(t.url);
    await api.login('coordinator');
    const res = await api.get('/api/region');
    expect(res.body.region.name).toBe('Kempen');
    expect(res.body.municipalities).toHaveLength(27);
    const turnhout = res.body.municipalities.find((m: { nis: string }) => m.nis === '13040');
    expect(turnhout).toMatchObject({ name: 'Turnhout', population: 47305, placesTarget: 5, placesBrought: 5 });
  });
});
