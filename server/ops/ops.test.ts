import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { testDatabaseKind } from '../../test/helpers/db';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

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

  it('describes every answer, names every operation, and asks for X-Requested-With where the server does', async () => {
    const doc = (await new ApiClient(t.url).get('/api/openapi.json')).body as {
      servers: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.servers[0]?.url).toBe(t.config.publicUrl.replace(/\/$/, ''));
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ where: `${method} ${path}`, method, op })),
    );
    expect(ops.length).toBeGreaterThan(60);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, method, op } of ops) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success, where).toHaveLength(1);
      const [status, answer] = success[0]!;
      // Every answer is described: JSON with its schema, a file with its type, or explicitly nothing.
      if (status !== '204') expect(Object.keys(answer.content ?? {}), where).toHaveLength(1);
      const csrf = op.parameters.find((p) => p.in === 'header' && p.name === 'X-Requested-With');
      expect(Boolean(csrf?.required), where).toBe(method !== 'get');
    }
    expect(doc.paths['/api/intakes/{id}']?.get?.operationId).toBe('getIntakesById');
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
