import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/helpers/server';
import { testDatabaseKind } from '../../test/helpers/db';

type Operation = {
  operationId: string;
  tags: string[];
  security?: unknown[];
  parameters: { name: string; in: string; required?: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: { type: string; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};

/**
 * Twilio's webhooks, written down from the call flow (README "The line"): what each answers (status callbacks
 * nothing, the rest TwiML), the POST parameters it cannot do without and the query the desk puts in its URLs.
 */
const WEBHOOKS: Record<string, { answer: 'twiml' | 'none'; body: string[]; query: string[] }> = {
  '/twilio/voice': { answer: 'twiml', body: [], query: [] },
  '/twilio/voice/screen': { answer: 'twiml', body: [], query: ['step'] },
  '/twilio/voice/screened': { answer: 'twiml', body: [], query: ['step'] },
  '/twilio/voice/dialled': { answer: 'twiml', body: ['CallSid'], query: ['step'] },
  '/twilio/voice/recorded': { answer: 'twiml', body: ['CallSid', 'RecordingUrl'], query: [] },
  '/twilio/voice/status': { answer: 'none', body: ['CallSid', 'CallStatus'], query: [] },
  '/twilio/voice/connect': { answer: 'twiml', body: [], query: ['place'] },
  '/twilio/sms': { answer: 'twiml', body: ['MessageSid', 'From'], query: [] },
  '/twilio/sms/status': { answer: 'none', body: ['MessageSid', 'MessageStatus'], query: [] },
};

/** The paths the Express app itself mounted for POST under /twilio/ (its catch-all 404 aside). */
function mountedWebhooks(server: TestServer): string[] {
  const { stack } = server.app.express.router as unknown as {
    stack: { route?: { path: unknown; methods: Record<string, boolean> } }[];
  };
  return stack
    .map((layer) => layer.route)
    .filter((r) => typeof r?.path === 'string' && r.path.startsWith('/twilio/') && !r.path.includes('{'))
    .filter((r) => r!.methods.post === true)
    .map((r) => r!.path as string);
}

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
      // Twilio's webhooks are signed, not sent by the console: no X-Requested-With (their test is below).
      const csrf = op.parameters.find((p) => p.in === 'header' && p.name === 'X-Requested-With');
      expect(Boolean(csrf?.required), where).toBe(method !== 'get' && !where.startsWith('post /twilio/'));
    }
    expect(doc.paths['/api/intakes/{id}']?.get?.operationId).toBe('getIntakesById');
  });

  it('describes every Twilio webhook the server mounts: form body, signature header, TwiML or nothing', async () => {
    const mounted = mountedWebhooks(t);
    expect([...mounted].sort()).toEqual(Object.keys(WEBHOOKS).sort());
    const doc = (await new ApiClient(t.url).get('/api/openapi.json')).body as {
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.tags.find((tag) => tag.name === 'twilio')?.description).toMatch(/webhook/i);
    for (const path of mounted) {
      const expected = WEBHOOKS[path]!;
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(['post']);
      const op = doc.paths[path]!.post!;
      expect(op.operationId, path).toMatch(/^postTwilio[A-Z]?\w*$/);
      expect(op.tags, path).toEqual(['twilio']);
      expect(op.security, path).toEqual([]); // no session: the signature is the authentication
      const signature = op.parameters.find((p) => p.in === 'header' && p.name === 'X-Twilio-Signature');
      expect(signature?.required, path).toBe(true);
      const query = op.parameters.filter((p) => p.in === 'query');
      for (const name of expected.query)
        expect(query.find((p) => p.name === name)?.required, `${path} ?${name}`).toBe(true);
      expect(op.requestBody?.required, path).toBe(true);
      expect(Object.keys(op.requestBody?.content ?? {}), path).toEqual(['application/x-www-form-urlencoded']);
      const body = op.requestBody!.content['application/x-www-form-urlencoded']!.schema;
      expect(body.type, path).toBe('object');
      expect([...(body.required ?? [])].sort(), path).toEqual([...expected.body].sort());
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (expected.answer === 'twiml') {
        expect(
          success.map(([status]) => status),
          path,
        ).toEqual(['200']);
        expect(Object.keys(success[0]![1].content ?? {}), path).toEqual(['text/xml']);
      } else {
        expect(
          success.map(([status]) => status),
          path,
        ).toEqual(['204']);
        expect(success[0]![1].content, path).toBeUndefined();
      }
      expect(Object.keys(op.responses['403']?.content ?? {}), path).toEqual(['text/plain']);
      // What the document promises for a request without a signature is what the server does.
      const unsigned = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'CallSid=CA00000000000000000000000000000000',
      });
      expect(unsigned.status, path).toBe(403);
      expect(unsigned.headers.get('content-type'), path).toMatch(/^text\/plain/);
      expect(Object.keys(op.responses['413']?.content ?? {}), path).toEqual(['text/plain']);
      const tooLarge = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `Body=${'x'.repeat(65 * 1024)}`,
      });
      expect(tooLarge.status, path).toBe(413);
      expect(tooLarge.headers.get('content-type'), path).toMatch(/^text\/plain/);
    }
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
