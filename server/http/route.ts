// A route is a declaration: method, path, the policy it is under, the zod schemas of its request and its
// answer (from shared/api), a handler. The policy and the answer are mandatory, so a route that forgets
// either does not compile; the OpenAPI document is generated from these same declarations, and in tests
// the mount checks every answer against its schema. Which roles hold an ability is in server/policies/.
import type { Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import type { Role } from '../db/schema';
import { ROLES, rolesWith, type Ability } from '../policies';
import type { AuthUser } from '../auth/session';
import type { Services } from '../services';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A route that answers nothing: 204 without a body.
 * @public
 */
export const NO_CONTENT = { kind: 'none' } as const;
/**
 * A body that is not JSON, sent by the handler itself.
 * @public
 */
export const file = (contentType: string) => ({ kind: 'file', contentType }) as const;
export type Answer = ZodType | typeof NO_CONTENT | ReturnType<typeof file>;
export const isSchema = (a: Answer): a is ZodType => '_zod' in a;

export interface HandlerContext<B, Q, P> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  /** The signed-in user; null only on public routes. */
  user: AuthUser | null;
  services: Services;
}

/** @public */
export interface RouteSpec<BS extends ZodType = ZodType, QS extends ZodType = ZodType, PS extends ZodType = ZodType> {
  method: Method;
  /** Express path, e.g. /api/places/:id */
  path: string;
  summary: string;
  tag: string;
  /**
   * Who may call it: 'public' (no session needed), 'signed-in' (any signed-in user: who am I), or the
   * ability a user's role must hold (server/policies/). Finer checks (scope, own shifts) are the handler's.
   */
  policy: 'public' | 'signed-in' | Ability;
  body?: BS;
  query?: QS;
  params?: PS;
  /**
   * What it answers (status 200 unless `status` says otherwise): the zod schema of its JSON, `NO_CONTENT`
   * (204, nothing), or `file(type)` for a body that is not JSON (HTML, CSV, iCalendar).
   */
  response: Answer;
  status?: number;
  /**
   * The answer holds personal data (people the desk serves, their callers and texts, staff accounts):
   * 'audited' when the handler writes an audit row for every record it returns, 'request' when the
   * mount writes one read row per call (subject: the tag, and the :id). test/personal-data.test.ts
   * calls every route declared so and checks the row, and checks that undeclared routes carry none.
   */
  personal?: 'audited' | 'request';
  handler: (ctx: HandlerContext<z.output<BS>, z.output<QS>, z.output<PS>>) => Promise<unknown> | unknown;
}

/** @public */
export function defineRoute<BS extends ZodType = ZodType, QS extends ZodType = ZodType, PS extends ZodType = ZodType>(
  spec: RouteSpec<BS, QS, PS>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** The roles a route lets in ('public': anyone, signed in or not), for the OpenAPI document and tests. */
export function rolesOf(route: Pick<RouteSpec, 'policy'>): 'public' | readonly Role[] {
  if (route.policy === 'public') return 'public';
  return route.policy === 'signed-in' ? ROLES : rolesWith(route.policy);
}
