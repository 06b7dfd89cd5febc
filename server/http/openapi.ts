// OpenAPI 3.1 generated from the route declarations: the zod schemas in shared/api that validate
// requests and check answers are the schemas the document shows (OpenAPI 3.1 uses JSON Schema 2020-12,
// which zod emits natively). `npm run openapi:lint` runs Redocly's linter on it in CI.
import { z, type ZodType } from 'zod';
import { errorSchema } from '../../shared/api/common';
import type { TwilioAnswer } from '../../shared/api/twilio';
import { CSRF_HEADER_NAME } from './csrf';
import { isSchema, rolesOf, type RouteSpec } from './route';

// Requests are described as the client sends them (before defaults and transforms), answers as they arrive.
const jsonSchema = (s: ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' });
  return rest; // the document's own dialect (jsonSchemaDialect) applies
};

/** One line per tag, shown as the section's introduction. */
const TAGS: Record<string, string> = {
  ops: 'Liveness, the webhook journal and this document',
  auth: 'Sign-in, sessions and spray alerts',
  users: 'Staff accounts',
  region: 'The region, its municipalities and the Belgian municipality search',
  rota: 'The duty rota: who is on call, rotations, overrides, swaps, the night sheet and the iCal feed',
  board: 'The board of free places: holds, hotel counts, places',
  calls: 'The line: calls, alarms, known callers, SMS, the demo call simulator',
  intake: 'Intakes: the record, competence, hold and placement, texts to the referrer',
  handoffs: "The OCMW's queue, the handover letter and the shift handover",
  privacy: 'The per-person access report (GDPR art. 15)',
  audit: 'The audit trail',
  figures: 'Key figures and the cost statement',
  housing: 'The wooncel: transit homes, registrations, allocations, trajectories, contingent, figures',
  twilio: "Twilio's webhooks: the permanence line's calls, the chain, voicemail, SMS and status callbacks",
};

/** What the document needs of a Twilio webhook declaration (server/telephony/twilio/pipeline.ts, TwilioRoute). */
interface WebhookSpec {
  path: string;
  summary: string;
  params: ZodType;
  query?: ZodType;
  answer: TwilioAnswer;
  /** Set when invalid parameters are answered with TwiML rather than 400. */
  onInvalid?: unknown;
}

/** @public */
export function buildOpenApi(
  routes: RouteSpec[],
  webhooks: WebhookSpec[],
  info: { title: string; version: string },
  serverUrl: string,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  const add = (method: string, routePath: string, op: { operationId: string }) => {
    const path = routePath.replace(/:(\w+)/g, '{$1}');
    if (ids.has(op.operationId)) throw new Error(`two routes have the operationId ${op.operationId}`);
    ids.add(op.operationId);
    paths[path] ??= {};
    paths[path][method] = op;
  };
  for (const r of routes) add(r.method, r.path, operation(r));
  for (const w of webhooks) add('post', w.path, webhookOperation(w));
  const tags = [...routes.map((r) => r.tag), ...(webhooks.length > 0 ? ['twilio'] : [])];
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description: 'The API of the on-call desk for emergency shelter; the console uses nothing else.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: serverUrl.replace(/\/$/, ''), description: 'This desk (PUBLIC_URL)' }],
    tags: [...new Set(tags)].map((name) => ({ name, description: TAGS[name] ?? name })),
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'permanentie_session', description: 'Set by sign-in' },
      },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    paths,
  };
}

/** `get /api/intakes/:id/hold` -> `getIntakesByIdHold`: stable, unique, readable in generated clients. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `By${cap(w.slice(1))}` : cap(w)));
  return method + words.join('');
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function operation(r: RouteSpec) {
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const changes = r.method !== 'get';
  return {
    operationId: operationId(r.method, r.path),
    summary: r.summary,
    tags: [r.tag],
    'x-policy': r.policy,
    'x-roles': rolesOf(r),
    ...(r.policy === 'public' ? { security: [] } : { security: [{ session: [] }] }),
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query'), ...(changes ? [csrfHeader] : [])],
    ...(r.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
      : {}),
    responses: {
      ...answer(r),
      400: { description: 'Invalid request; the message names the field', ...errorRef },
      ...(r.policy === 'public' ? {} : { 401: { description: 'Not signed in', ...errorRef } }),
      ...(r.policy !== 'public' || changes
        ? { 403: { description: forbidden(r.policy !== 'public', changes), ...errorRef } }
        : {}),
    },
  };
}

/** The CSRF rule of server/http/mount.ts: every request that is not a GET carries it. */
const csrfHeader = {
  name: CSRF_HEADER_NAME,
  in: 'header',
  required: true,
  description: 'Any value (the console sends "permanentie"): a cross-site form cannot send it. Missing: 403.',
  schema: { type: 'string', minLength: 1 },
};

function forbidden(roles: boolean, csrf: boolean): string {
  return [roles ? 'The role does not hold the policy' : null, csrf ? `${CSRF_HEADER_NAME} header missing` : null]
    .filter(Boolean)
    .join('; or ');
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

/** The success answer: its JSON schema, nothing (204), or a file of its content type. */
function answer(r: RouteSpec) {
  const a = r.response;
  if (isSchema(a)) {
    return {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(a, 'output') } },
      },
    };
  }
  if (a.kind === 'none') return { 204: { description: 'Done; no content' } };
  return { 200: { description: 'OK', content: { [a.contentType]: { schema: { type: 'string' } } } } };
}

/**
 * A Twilio webhook (server/telephony/twilio/webhook.ts): POSTed by Twilio, form-encoded, signed instead of
 * signed in, answered with TwiML or nothing. Refusals are plain text, read by developers in Twilio's debugger.
 */
function webhookOperation(w: WebhookSpec) {
  const text = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });
  return {
    operationId: operationId('post', w.path),
    summary: w.summary,
    tags: ['twilio'],
    'x-policy': 'twilio-signature',
    security: [],
    parameters: [twilioSignatureHeader, ...parameters(w.query, 'query')],
    requestBody: {
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(w.params) } },
    },
    responses: {
      ...(w.answer === 'twiml'
        ? {
            200: {
              description: 'TwiML: what Twilio does next',
              content: { 'text/xml': { schema: { type: 'string' } } },
            },
          }
        : { 204: { description: 'Applied; no content' } }),
      // The voice URL answers invalid parameters with TwiML too: the call still rings the rota.
      ...(w.onInvalid ? {} : { 400: text('Invalid parameters; the message names them') }),
      403: text('X-Twilio-Signature missing or wrong'),
      413: text('The form is over 64 kB'),
      429: text('Too many refused requests from this address'),
    },
  };
}

/** The signature rule of server/telephony/twilio/webhook.ts: checked before anything else. */
const twilioSignatureHeader = {
  name: 'X-Twilio-Signature',
  in: 'header',
  required: true,
  description:
    "Twilio's signature of PUBLIC_URL with the path and query, and the POST parameters, keyed with the account's " +
    'auth token. Missing or wrong: 403.',
  schema: { type: 'string', minLength: 1 },
};
