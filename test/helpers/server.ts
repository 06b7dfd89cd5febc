// A real server on an ephemeral port over a fresh database, and a tiny HTTP client that keeps cookies.
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { ManualClock, type Clock } from '../../server/clock';
import { loadConfig, type Config } from '../../server/config';
import { createLogger, type Logger } from '../../server/logger';
import { seedDemo, seedOnStart, seedRegionIfEmpty } from '../../server/seed/demo';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestServer {
  url: string;
  app: App;
  db: TestDatabase;
  clock: Clock;
  config: Config;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** `startup`: seed as the server's start does, from SEED and REGIONS in `env`. */
  seed?: 'demo' | 'region' | 'none' | 'startup';
  /** The regions `demo` and `region` seed (default: the Kempen alone, what most tests are written for). */
  regions?: string[];
  clock?: Clock;
  env?: Record<string, string>;
  clientDir?: string | null;
  /** Background outbox sending (default off: tests send with processOutboxOnce when they mean to). */
  outboxWorker?: boolean;
  /** Defaults to a silent logger; the log-hygiene test passes one that writes to memory. */
  logger?: Logger;
}

// argon2 is slow on purpose; one hash of "demo" serves every test file.
let demoHash: Promise<string> | undefined;
function cachedHash(pw: string): Promise<string> {
  if (pw !== 'demo') return hashPassword(pw);
  demoHash ??= hashPassword('demo');
  return demoHash;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const seed = opts.seed ?? 'demo';
  if (seed === 'demo') await seedDemo(db.db, { hashPassword: cachedHash, regions: opts.regions ?? ['kempen'] });
  if (seed === 'region') await seedRegionIfEmpty(db.db, opts.regions ?? ['kempen']);
  const clock = opts.clock ?? new ManualClock('2026-10-25T01:30:00Z');
  // Each server its own data folder: the last-known rota on disk must not leak between tests.
  const dataDir = mkdtempSync(join(tmpdir(), 'permanentie-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // Tests sign in dozens of times a minute from one address; test/security.test.ts checks the limit itself.
    LOGIN_RATE_PER_MINUTE: '10000',
    ...opts.env,
  });
  if (seed === 'startup') await seedOnStart(db.db, config, { hashPassword: cachedHash, now: clock.now() });
  const app = createApp({
    config,
    database: db,
    clock,
    logger: opts.logger ?? createLogger('silent'),
    // Every answer is checked against its schema in shared/api (server/http/answer-check.ts).
    checkAnswers: true,
    clientDir: opts.clientDir ?? null,
    outboxWorker: opts.outboxWorker ?? false,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    clock,
    config,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** fetch over a socket bound to `localAddress` (any 127.x.y.z reaches a server on 127.0.0.1). */
function fetchFrom(localAddress: string) {
  return (url: string, init: { method: string; headers: Record<string, string>; body?: string }) =>
    new Promise<Response>((resolve, reject) => {
      const req = httpRequest(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) headers.append(k, one);
          const body = Buffer.concat(chunks);
          resolve(new Response(body.length ? body : null, { status: res.statusCode ?? 0, headers }));
        });
      });
      req.on('error', reject);
      req.end(init.body);
    });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client that behaves like the console: same-origin cookie jar and the CSRF header. */
export class ApiClient {
  cookie = '';
  /** `localAddress`: the client's own address (127.0.0.2, ...), so tests can sign in "from elsewhere". */
  constructor(
    readonly baseUrl: string,
    readonly localAddress?: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const send = this.localAddress ? fetchFrom(this.localAddress) : fetch;
    const res = await send(this.baseUrl + path, {
      method,
      headers: {
        ...(method !== 'GET' ? { 'x-requested-with': 'permanentie' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('permanentie_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value.endsWith('=') ? '' : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  async login(username: string, password = 'demo'): Promise<ApiResponse> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

/** A test server whose clock reads `at`, and a console signed in as `username` (password `demo`). */
export async function startSignedIn(
  username: string,
  at: string,
  opts: TestServerOptions = {},
): Promise<{ t: TestServer; client: ApiClient }> {
  const t = await startTestServer({ ...opts, clock: new ManualClock(at) });
  const client = new ApiClient(t.url);
  await client.login(username);
  return { t, client };
}
