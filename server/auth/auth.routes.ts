import type { Response } from 'express';
import { audit } from '../audit/audit';
import { forbidden, HttpError, unauthorized } from '../http/errors';
import { defineRoute, NO_CONTENT } from '../http/route';
import type { Services } from '../services';
import { verifyPassword } from './passwords';
import {
  createSession,
  deleteSession,
  hashToken,
  municipalitiesOf,
  regionsOf,
  SESSION_COOKIE,
  type AuthUser,
} from './session';
import { alertIfSprayed, currentSprays } from './spray';
import { clearFailures, lockedUntil, pairKey, recordFailure, recordPairFailure } from './throttle';
import { say } from '../../shared/rules/say';
import { loginBody, meAnswer, regionSwitchBody, spraysAnswer, userAnswer } from '../../shared/api/auth';
import { abilitiesOf, scope } from '../policies';

// A shared address (a police station behind one NAT) may fail more often than one account.
const IP_FAILURE_FACTOR = 4;

/** @public */
export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    policy: 'public',
    summary: 'Sign in with username and password; sets the session cookie',
    body: loginBody,
    response: userAnswer,
    handler: async ({ req, res, body, services }) => {
      const user = await login(services, body.username.toLowerCase(), body.password, req.ip ?? 'unknown');
      const old: unknown = req.cookies?.[SESSION_COOKIE];
      // Rotate: a session id known before login is never the one used after it.
      if (typeof old === 'string') await deleteSession(services.db, old);
      const session = await createSession(services.db, user.id, services.clock.now(), services.config.sessionTtlHours);
      setSessionCookie(res, services, session.token);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    policy: 'public',
    summary: 'Sign out: ends the session and clears the cookie',
    response: NO_CONTENT,
    handler: async ({ req, res, user, services }) => {
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string') {
        await deleteSession(services.db, token);
        services.realtime.endSession(token); // that session's consoles stop receiving events at once
      }
      if (user)
        await audit(services.db, {
          at: services.clock.now(),
          userId: user.id,
          action: 'logout',
          subjectType: 'session',
        });
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/sprays',
    tag: 'auth',
    policy: 'sprays.read',
    summary: 'Usernames failing to sign in from several addresses within the spray window (possible password spraying)',
    response: spraysAnswer,
    handler: async ({ services }) => ({
      sprays: await currentSprays(services, services.clock.now()),
      windowMinutes: services.config.loginSprayWindowMinutes,
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/auth/region',
    tag: 'auth',
    policy: 'signed-in',
    summary: 'Switch the region this session looks at (for users of several regions)',
    body: regionSwitchBody,
    response: userAnswer,
    handler: async ({ req, body, user, services }) => {
      if (!user!.regions.includes(body.region))
        throw forbidden(say(`Je werkt niet in regio ${body.region}.`, `You do not work in region ${body.region}.`));
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string') {
        await services.db
          .updateTable('sessions')
          .set({ region_code: body.region })
          .where('token_hash', '=', hashToken(token))
          .execute();
        // This session's consoles now hear the new region's board, on every instance.
        await services.realtime.switchRegion(token, user!.role, body.region);
      }
      return { user: { ...user!, region: body.region } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'auth',
    policy: 'signed-in',
    summary:
      'The signed-in user, their role, the abilities it holds (what the console shows) and the municipalities their abilities reach (null: all)',
    response: meAnswer,
    handler: ({ user }) => ({ user, abilities: abilitiesOf(user!.role), scope: scope(user!) }),
  }),
];

async function login(services: Services, username: string, password: string, ip: string): Promise<AuthUser> {
  const { db, clock, config } = services;
  const now = clock.now();
  const pair = pairKey(username, ip);
  // Only this username from this address, and this address on any username: never the username alone.
  const locked = await lockedUntil(db, [pair, `ip:${ip}`], now);
  if (locked) throw lockout(locked, now);
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!(await verifyPassword(row?.password_hash ?? null, password)) || !row) {
    const pairLock = await recordPairFailure(db, username, ip, now, {
      maxFailures: config.loginMaxFailures,
      maxDelayMinutes: config.loginMaxDelayMinutes,
    });
    const ipLock = await recordFailure(db, `ip:${ip}`, now, {
      maxFailures: config.loginMaxFailures * IP_FAILURE_FACTOR,
      lockoutMinutes: config.loginLockoutMinutes,
    });
    await audit(db, {
      at: now,
      userId: row?.id ?? null,
      action: 'login_failed',
      subjectType: 'session',
      detail: { username, ip },
    });
    // Unknown usernames are not worth waking anyone for; an existing one being sprayed is.
    if (row) await alertIfSprayed(services, username, now);
    const lock = ipLock ?? pairLock;
    if (lock) throw lockout(lock, now);
    throw unauthorized(say('Verkeerde gebruikersnaam of wachtwoord.', 'Wrong username or password.'));
  }
  await clearFailures(db, pair);
  await audit(db, { at: now, userId: row.id, action: 'login', subjectType: 'session', detail: { ip } });
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    municipalities: await municipalitiesOf(db, row.id),
    ...(await regionsOf(db, row.id)),
  };
}

function lockout(until: Date, now: Date): HttpError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const local = until.toLocaleTimeString('nl-BE', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit' });
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new HttpError(
    429,
    say(
      `Te veel mislukte aanmeldingen. Probeer opnieuw na ${local} (over ${minutes} min).`,
      `Too many failed sign-ins. Try again after ${local} (in ${minutes} min).`,
    ),
    { retryAfterSeconds, lockedUntil: until.toISOString() },
  );
}

// Max-Age, not an absolute date: the browser counts it on its own clock. The server enforces the
// real expiry from the database with the desk's clock.
function setSessionCookie(res: Response, services: Services, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: services.config.secureCookies,
    path: '/',
    maxAge: services.config.sessionTtlHours * 3_600_000,
  });
}
