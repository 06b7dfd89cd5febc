// Environment configuration, validated once at start so a typo fails loudly instead of at 3 a.m.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { parseRrnKey, type RrnKeys } from './privacy/rrn-crypto';
import { SHIPPED_REGIONS } from './region/region-config';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// Which proxies in front of the desk may name the client (X-Forwarded-For): a number of hops, or a list of
// addresses, subnets (CIDR) or Express's names (loopback, linklocal, uniquelocal). Never "true": then any
// client could pick its own address and walk around the rate limits and the lockout.
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (/^\d+$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = list.filter((x) => !PROXY_NAMES.includes(x) && !isIP(x.split('/')[0]!));
    if (!list.length || bad.length)
      ctx.addIssue({
        code: 'custom',
        message: `expected a number of hops or addresses/subnets (${PROXY_NAMES.join(', ')} allowed), not ${bad.join(', ') || v}`,
      });
    return list;
  });

// The regions a deployment serves: comma-separated codes of folders under server/region/data, in the order they are
// loaded (the first is the first region: a number no region claims reaches it). Default: every shipped region.
const regionList = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const codes = v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const known: readonly string[] = SHIPPED_REGIONS;
    const unknown = codes.filter((c) => !known.includes(c));
    const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (!codes.length || unknown.length || twice.length)
      ctx.addIssue({
        code: 'custom',
        message: unknown.length
          ? `unknown region ${unknown.join(', ')}; known regions: ${known.join(', ')}`
          : twice.length
            ? `region ${twice.join(', ')} named twice`
            : `expected comma-separated region codes; known regions: ${known.join(', ')}`,
      });
    return codes;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SEED: z.enum(['demo', 'none']).default('demo'),
  REGIONS: regionList.default([...SHIPPED_REGIONS]),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(16),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_DELAY_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(60),
  LOGIN_SPRAY_ADDRESSES: z.coerce.number().int().min(2).default(3),
  LOGIN_SPRAY_WINDOW_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(60),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECURE_COOKIES: bool.optional(),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_AUTH_TOKEN_SECONDARY: z.string().min(16).optional(),
  TWILIO_PHONE_NUMBER: z
    .string()
    .regex(/^\+\d{8,15}$/, 'expected the number in E.164, e.g. +3214000000')
    .optional(),
  TWILIO_API_URL: z.string().url().default('https://api.twilio.com'),
  TWILIO_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  STORE_RRN: bool.default(false),
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  OUTBOX_STUCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  TWILIO_FALLBACK_URL: z.string().url().optional(),
  VOICE_LANGUAGE: z.string().default('nl-BE'),
  VOICE_NAME: z.string().optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  DATA_LOCK_WAIT_SECONDS: z.coerce.number().min(0).max(300).default(15),
  SMS_FORWARDS_PER_SENDER_PER_HOUR: z.coerce.number().int().min(1).max(100).default(3),
  SMS_FORWARDS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  TRUST_PROXY: trustProxy.default(['loopback']),
  RRN_KEY: z.string().optional(),
  RRN_KEYS_PREVIOUS: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  seed: 'demo' | 'none';
  /** The regions this deployment serves (REGIONS), in load order: the first is the first region. */
  regions: string[];
  publicUrl: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** The longest delay one (username, address) pair gets after repeated failures. */
  loginMaxDelayMinutes: number;
  /** Distinct addresses failing on one username within the spray window that alert the coordinator. */
  loginSprayAddresses: number;
  loginSprayWindowMinutes: number;
  /** Sign-in requests one address may make per minute (per instance). */
  loginRatePerMinute: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  secureCookies: boolean;
  /** Where the server keeps files of its own (PGlite data, the last known rota). */
  dataDir: string;
  twilio: TwilioConfig;
  /** The deployment is authorised to store national register numbers (otherwise they are refused). */
  storeRrn: boolean;
  /** Personal data older than this are pseudonymised; counts and amounts stay. */
  retentionDays: number;
  /** A send interrupted (crash, kill) is retried after this long unless Twilio's callback named it. */
  outboxStuckMs: number;
  /** On SIGTERM: stop taking work, finish what can be finished within this, then exit whatever is left. */
  shutdownTimeoutMs: number;
  /** A start that finds the PGlite folder held by a live process waits this long for it (a restart's overlap). */
  dataLockWaitMs: number;
  /** Texts from unknown numbers forwarded to the duty worker's mobile: per sender, and in all, per hour. */
  smsForwards: { perSenderPerHour: number; perHour: number };
  /** Express 'trust proxy': hops, or the addresses of the proxies allowed to name the client. */
  trustProxy: number | string[];
  /** Keys for national register numbers at rest (AES-256-GCM); set whenever storeRrn is. */
  rrnKeys: RrnKeys | null;
};

export interface TwilioConfig {
  accountSid: string | null;
  /** Tokens a webhook signature may be made with: the current one first, the secondary during rotation. */
  authTokens: string[];
  phoneNumber: string | null;
  apiUrl: string;
  /** How long a REST request may take before it counts as a (temporary) failure. */
  timeoutMs: number;
  fallbackUrl: string | null;
  /** No credentials: SMS stay in the outbox as a sandbox, and the console's call simulator is on. */
  sandbox: boolean;
  language: string;
  voice: string | null;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: `${e.DATA_DIR.replace(/\/$/, '')}/pglite` },
    seed: e.SEED,
    regions: e.REGIONS,
    publicUrl,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginMaxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES,
    loginSprayAddresses: e.LOGIN_SPRAY_ADDRESSES,
    loginSprayWindowMinutes: e.LOGIN_SPRAY_WINDOW_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    dataDir: e.DATA_DIR.replace(/\/$/, ''),
    twilio: twilioConfig(e),
    outboxStuckMs: e.OUTBOX_STUCK_SECONDS * 1000,
    storeRrn: e.STORE_RRN,
    retentionDays: e.RETENTION_DAYS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    dataLockWaitMs: e.DATA_LOCK_WAIT_SECONDS * 1000,
    smsForwards: { perSenderPerHour: e.SMS_FORWARDS_PER_SENDER_PER_HOUR, perHour: e.SMS_FORWARDS_PER_HOUR },
    trustProxy: e.TRUST_PROXY,
    rrnKeys: rrnKeys(e),
  };
}

function rrnKeys(e: z.infer<typeof envSchema>): RrnKeys | null {
  if (!e.RRN_KEY) {
    if (e.STORE_RRN)
      throw new Error(
        'Invalid configuration:\n  RRN_KEY: required with STORE_RRN=true (national register numbers are stored encrypted; openssl rand -base64 32)',
      );
    return null;
  }
  return {
    current: parseRrnKey(e.RRN_KEY),
    previous: (e.RRN_KEYS_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map(parseRrnKey),
  };
}

function twilioConfig(e: z.infer<typeof envSchema>): TwilioConfig {
  const sandbox = !e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN;
  // In the sandbox the simulator signs its own requests; a random token keeps forged ones out all the same.
  const primary = e.TWILIO_AUTH_TOKEN ?? randomBytes(24).toString('hex');
  return {
    accountSid: e.TWILIO_ACCOUNT_SID ?? null,
    authTokens: [primary, ...(e.TWILIO_AUTH_TOKEN_SECONDARY ? [e.TWILIO_AUTH_TOKEN_SECONDARY] : [])],
    phoneNumber: e.TWILIO_PHONE_NUMBER ?? null,
    apiUrl: e.TWILIO_API_URL.replace(/\/$/, ''),
    timeoutMs: e.TWILIO_TIMEOUT_MS,
    fallbackUrl: e.TWILIO_FALLBACK_URL ?? null,
    sandbox,
    language: e.VOICE_LANGUAGE,
    voice: e.VOICE_NAME ?? null,
  };
}
