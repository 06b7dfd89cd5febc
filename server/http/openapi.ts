// OpenAPI 3.1 generated from the route declarations: the zod schemas that validate requests are the
// schemas the document shows (OpenAPI 3.1 uses JSON Schema 2020-12, which zod emits natively).
import { z, type ZodType } from 'zod';
import { rolesOf, type RouteSpec } from './route';

const jsonSchema = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function buildOpenApi(routes: RouteSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'permanentie_session' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'string' },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

function operation(r: RouteSpec) {
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    summary: r.summary,
    tags: [r.tag],
    'x-policy': r.policy,
    'x-roles': rolesOf(r),
    ...(r.policy === 'public' ? { security: [] } : { security: [{ session: [] }] }),
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
    ...(r.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
      : {}),
    responses: {
      [String(r.status ?? 200)]: r.response
        ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response) } } }
        : { description: 'OK' },
      400: { description: 'Invalid request; the message names the field', ...errorRef },
      ...(r.policy === 'public'
        ? {}
        : {
            401: { description: 'Not signed in', ...errorRef },
            403: { description: 'The role does not hold the policy', ...errorRef },
          }),
    },
  };
}

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}
