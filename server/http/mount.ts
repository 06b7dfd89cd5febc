// Mounts declared routes: authenticate, authorise by the declared policy, check the CSRF header,
// validate, run the handler, present. Every /api path that is not declared answers 404.
import type { Express, NextFunction, Request, Response } from 'express';
import type { ZodType } from 'zod';
import { resolveSession, SESSION_COOKIE, type AuthUser } from '../auth/session';
import type { Services } from '../services';
import { audit } from '../audit/audit';
import { forbidden, HttpError, unauthorized, validationError } from './errors';
import { bilingualZodErrors } from './language';
import type { RouteSpec } from './route';
import { emptyAnswerProblem, guardAnswers } from './answer-check';
import { can } from '../policies';
import { say } from '../../shared/rules/say';

import { CSRF_HEADER } from './csrf';

export { CSRF_HEADER };

export interface MountOptions {
  /** Tests only: hold every answer against its declared schema (answer-check.ts). Never in production. */
  checkAnswers?: boolean;
}

/** @public */
export function mountRoutes(app: Express, routes: RouteSpec[], services: Services, opts: MountOptions = {}): void {
  for (const route of routes) {
    app[route.method](route.path, (req: Request, res: Response, next: NextFunction) => {
      handle(route, req, res, services, opts.checkAnswers === true).catch(next);
    });
  }
  app.all('/api/{*rest}', (req, res) => {
    res
      .status(404)
      .json({ error: say(`Geen API-route ${req.method} ${req.path}.`, `No API route ${req.method} ${req.path}.`) });
  });
}

async function handle(
  route: RouteSpec,
  req: Request,
  res: Response,
  services: Services,
  checkAnswers: boolean,
): Promise<void> {
  // No API answer may sit in a browser's or proxy's cache: most carry personal data, and one list rule is safer than many.
  res.set('Cache-Control', 'no-store');
  if (checkAnswers) guardAnswers(route, res, services.logger);
  const user = await currentUser(req, services);
  authorise(route, user);
  if (route.method !== 'get' && !req.get(CSRF_HEADER)) {
    throw forbidden(
      say(
        `De kop ${CSRF_HEADER} ontbreekt: wijzigingen moeten uit de console komen.`,
        `Missing ${CSRF_HEADER} header: state-changing requests must come from the console.`,
      ),
    );
  }
  const body = parse(route.body, req.body, 'body', route.method);
  const query = parse(route.query, { ...req.query }, 'query', route.method);
  const params = parse(route.params, { ...req.params }, 'params', route.method);
  const result = await route.handler({ req, res, body, query, params, user, services });
  if (route.personal === 'request' && user) await auditRequest(route, params, user, services);
  if (res.headersSent) return;
  if (result === undefined) {
    if (checkAnswers && emptyAnswerProblem(route, res, services.logger)) return;
    res.status(204).end();
  } else res.status(route.status ?? 200).json(result);
}

async function auditRequest(route: RouteSpec, params: unknown, user: AuthUser, services: Services): Promise<void> {
  const id = (params as { id?: unknown } | undefined)?.id;
  await audit(services.db, {
    at: services.clock.now(),
    userId: user.id,
    action: 'read',
    subjectType: route.tag,
    subjectId: typeof id === 'string' ? id : null,
    detail: { route: `${route.method.toUpperCase()} ${route.path}` },
  });
}

async function currentUser(req: Request, services: Services): Promise<AuthUser | null> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  return resolveSession(services.db, token, services.clock.now());
}

function authorise(route: RouteSpec, user: AuthUser | null): void {
  if (route.policy === 'public') return;
  if (!user) throw unauthorized();
  if (route.policy !== 'signed-in' && !can(user, route.policy)) throw forbidden();
}

function parse(schema: ZodType | undefined, input: unknown, where: 'body' | 'query' | 'params', method: string) {
  if (!schema) {
    if (where === 'body' && method !== 'get' && hasContent(input)) {
      throw new HttpError(
        400,
        say('Ongeldige aanvraag: deze route neemt geen inhoud aan.', 'Invalid request: this route takes no body.'),
      );
    }
    if (where === 'query' && hasContent(input)) {
      const n = Object.keys(input as object).length;
      throw new HttpError(
        400,
        say(
          `Ongeldige aanvraag: deze route neemt geen queryparameters aan (${n} gekregen).`,
          `Invalid request: this route takes no query parameters (got ${n}).`,
        ),
      );
    }
    return undefined;
  }
  // PostgreSQL text cannot hold U+0000: refuse it here, naming where, rather than fail in the query.
  if (holdsNul(input)) {
    throw new HttpError(
      400,
      say(
        `Ongeldige aanvraag: ${where} bevat een NUL-teken (U+0000); laat het weg.`,
        `Invalid request: the ${where} contains a NUL character (U+0000); leave it out.`,
      ),
    );
  }
  const parsed = schema.safeParse(input ?? {}, { error: bilingualZodErrors });
  if (!parsed.success) throw validationError(where, parsed.error);
  return parsed.data;
}

function holdsNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(holdsNul);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\u0000') || holdsNul(x));
  return false;
}

const hasContent = (v: unknown) =>
  v !== undefined && v !== null && !(typeof v === 'object' && Object.keys(v).length === 0);
