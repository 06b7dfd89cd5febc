// Hostile input, property-based: thousands of malformed and hostile payloads (bodies, query strings,
// path parameters, broken JSON, unsigned and forged webhooks) to every route. Only 4xx comes back,
// nothing in the database changes, and no markup is echoed unescaped.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../server/db/schema';
import { apiRoutes } from '../server/routes';
import { rolesOf } from '../server/http/route';
import { twilioRoutes } from '../server/telephony/webhooks';
import { ApiClient, startTestServer, type TestServer } from './helpers/server';

// Tables that a refused request may legitimately touch: the audit of reads, sessions and sign-in throttling.
const VOLATILE = new Set([
  'audit_log',
  'sessions',
  'login_throttle',
  'kysely_migration',
  'kysely_migration_lock',
  'socket_io_attachments',
]);
const LOGIN_FOR: Record<Role, string> = {
  coordinator: 'coordinator',
  admin: 'admin',
  duty_worker: 'permanentie',
  ocmw_staff: 'ocmw-turnhout',
  allocator: 'toewijzer',
};
const PREFERENCE: Role[] = ['coordinator', 'admin', 'duty_worker', 'ocmw_staff', 'allocator'];
const RUNS = 30;

let t: TestServer;
const clients = {} as Record<Role, ApiClient>;
beforeAll(async () => {
  t = await startTestServer({
    env: {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'fuzz-token-0123456789',
      LOGIN_RATE_PER_MINUTE: '100000',
    },
  });
  for (const role of PREFERENCE) {
    clients[role] = new ApiClient(t.url);
    await clients[role].login(LOGIN_FOR[role]);
  }
}, 60_000);
afterAll(() => t.close());

/** A fingerprint of every table's content, to prove a refused request wrote nothing. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(
    t.db.db,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (VOLATILE.has(name)) continue;
    const r = await sql<{
      h: string;
    }>`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(name)} x`.execute(
      t.db.db,
    );
    out[name] = r.rows[0]!.h;
  }
  return out;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; drop table users; --",
  '../../etc/passwd',
  '\u0000',
  '${7*7}',
  '{{7*7}}',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
  '💥🏠',
  '2026-02-30',
  '-1',
  '1e309',
  'NaN',
  '13040',
  '00000000-0000-4000-8000-000000000000',
  ' ',
  '',
];
const FIELDS = [
  'placeId',
  'initials',
  'household',
  'minutes',
  'overrideReason',
  'rooms',
  'confirmedBy',
  'method',
  'username',
  'password',
  'nis',
  'reason',
  'toNis',
  'outcome',
  'note',
  'person',
  'referrer',
  'facts',
  'ethos',
  'from',
  'to',
  'slot',
  'userId',
  'start',
  'end',
  'body',
  'steps',
  'name',
  'type',
  'capacity',
  'phone',
  '__proto__',
  'constructor',
  'prototype',
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 4 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileString), leaf, { maxKeys: 4 }),
);
const body = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileString), value, { minKeys: 1, maxKeys: 6 }),
  fc.array(value, { minLength: 1, maxLength: 3 }),
  hostileString.filter((s) => s.length > 0),
  fc.integer(),
  fc.boolean(),
);
const brokenJson = fc.constantFrom(
  '{"a":',
  '{',
  '[1,2',
  '{"__proto__":{"admin":true}',
  'null null',
  '\u0000',
  '{"x":"\\u12"}',
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...FIELDS, 'status', 'municipality', 'days'),
    hostileString.filter((s) => s.length > 0),
  ),
  hostileString,
  { minKeys: 1, maxKeys: 4 },
);

// '.' and '..' are dot segments: fetch resolves them away before sending, so the request would reach another
// route (GET /api/calls/. is GET /api/calls/). Such a parameter is sent as '%' instead.
const pathWith = (path: string, param: string) =>
  path.replace(/:(\w+)/g, () => encodeURIComponent(/^\.{1,2}$/.test(param) ? '%' : param));
const roleFor = (roles: readonly Role[] | 'public') =>
  roles === 'public' ? 'coordinator' : PREFERENCE.find((r) => roles.includes(r))!;

function expectRefused(res: { status: number; text: string }, what: string) {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
  expect(res.text, what).not.toMatch(/<script|<img/i);
}

async function send(client: ApiClient, method: string, path: string, payload?: string) {
  const res = await fetch(client.baseUrl + path, {
    method,
    body: payload,
    headers: {
      cookie: client.cookie,
      'x-requested-with': 'permanentie',
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
  });
  return { status: res.status, text: await res.text() };
}

const mutating = apiRoutes.filter((r) => r.method !== 'get');
const reading = apiRoutes.filter((r) => r.method === 'get');

describe('hostile input', () => {
  it.each(mutating.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s refuses hostile bodies and writes nothing',
    async (_n, route) => {
      const before = await fingerprint();
      const client = clients[roleFor(rolesOf(route))];
      const path = pathWith(route.path, '00000000-0000-4000-8000-000000000000');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            body.map((b) => JSON.stringify(b)),
            brokenJson,
          ),
          async (payload) => {
            expectRefused(await send(client, route.method.toUpperCase(), path, payload), payload.slice(0, 80));
          },
        ),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(hostileString, async (param) => {
          if (!route.path.includes(':')) return;
          expectRefused(
            await send(client, route.method.toUpperCase(), pathWith(route.path, param || '%'), '{}'),
            param.slice(0, 80),
          );
        }),
        { numRuns: 10 },
      );
      expect(await fingerprint()).toEqual(before);
    },
  );

  it.each(reading.map((r) => [`GET ${r.path}`, r] as const))(
    '%s refuses hostile query strings and path parameters',
    async (_n, route) => {
      const before = await fingerprint();
      const client = clients[roleFor(rolesOf(route))];
      const path = pathWith(route.path, '00000000-0000-4000-8000-000000000000');
      const declared = Object.keys((route.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
      // A query naming at least one parameter the route does not take is refused whatever the values.
      await fc.assert(
        fc.asyncProperty(
          query.filter((q) => Object.keys(q).some((k) => !declared.includes(k))),
          async (q) => {
            expectRefused(
              await send(client, 'GET', `${path}?${new URLSearchParams(q as Record<string, string>)}`),
              JSON.stringify(q).slice(0, 80),
            );
          },
        ),
        { numRuns: RUNS },
      );
      if (route.path.includes(':')) {
        await fc.assert(
          fc.asyncProperty(hostileString, async (param) => {
            expectRefused(await send(client, 'GET', pathWith(route.path, param || '%')), param.slice(0, 80));
          }),
          { numRuns: 10 },
        );
      }
      // Hostile values under the names the route does take: it may answer (a free-text filter is allowed
      // to find nothing), but never with 5xx, and never by echoing markup.
      if (declared.length > 0) {
        await fc.assert(
          fc.asyncProperty(
            fc.dictionary(fc.constantFrom(...declared), hostileString, { minKeys: 1, maxKeys: declared.length }),
            async (q) => {
              const res = await send(client, 'GET', `${path}?${new URLSearchParams(q as Record<string, string>)}`);
              expect(res.status, `${JSON.stringify(q).slice(0, 80)}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
              expect(res.text).not.toMatch(/<script|<img/i);
            },
          ),
          { numRuns: RUNS },
        );
      }
      expect(await fingerprint()).toEqual(before);
    },
  );

  it.each(twilioRoutes.map((r) => [r.path, r] as const))(
    'webhook %s refuses unsigned and forged requests',
    async (_n, route) => {
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.oneof(fc.constantFrom('CallSid', 'From', 'To', 'Body', 'CallStatus', 'Digits'), hostileString),
            hostileString,
            { maxKeys: 6 },
          ),
          fc.option(hostileString),
          async (params, signature) => {
            const res = await fetch(t.url + route.path, {
              method: 'POST',
              body: new URLSearchParams(params as Record<string, string>).toString(),
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                ...(signature ? { 'x-twilio-signature': signature.replace(/[^\x20-\x7e]/g, '') } : {}),
              },
            });
            const text = await res.text();
            expect([403, 429]).toContain(res.status);
            expect(text).not.toMatch(/<script|<img/i);
          },
        ),
        { numRuns: 20 },
      );
      expect(await fingerprint()).toEqual(before);
    },
  );
});
