// Tests only: every answer is held against the route's declared answer, so the whole suite checks the
// contract in shared/api. A mismatch (a wrong type, a missing field, a field the schema does not
// describe, JSON where none is declared) is logged and turned into a 500 that names the route and the
// fields, so the test that caused it fails. Production never runs this: it costs a parse per answer,
// and a desk at 3 a.m. is better served by an answer with one undocumented field than by a 500.
import type { Response } from 'express';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import { isSchema, type RouteSpec } from './route';

const MAX_PROBLEMS = 10;

/** What is wrong with a JSON answer of this route, or an empty list. `body` is checked as it travels. */
export function answerProblems(route: RouteSpec, body: unknown): string[] {
  if (!isSchema(route.response)) {
    return [`declares ${route.response.kind === 'none' ? 'no content' : route.response.contentType} but answered JSON`];
  }
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  return schemaProblems(route.response, sent, 'answer');
}

/**
 * What is wrong with a value as it travelled (JSON) against its schema: its issues, or the fields the schema
 * does not describe, each named from `root`. Also used by tests for socket.io events (test/helpers/socket.ts).
 * @public
 */
export function schemaProblems(schema: ZodType, sent: unknown, root: string): string[] {
  const parsed = schema.safeParse(sent);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((i) => `${[root, ...i.path.map(String)].join('.')}: ${i.message}`);
  }
  const extra: string[] = [];
  undescribed(sent, parsed.data, root, extra);
  return extra.map((p) => `${p}: not described in the ${root} schema`);
}

// zod strips keys an object schema does not name: whatever the parse dropped was sent but not described.
function undescribed(sent: unknown, kept: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_PROBLEMS) return;
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (const [i, v] of sent.entries()) undescribed(v, kept[i], `${path}.${i}`, out);
  } else if (isRecord(sent) && isRecord(kept)) {
    for (const [k, v] of Object.entries(sent)) {
      if (!(k in kept)) out.push(`${path}.${k}`);
      else undescribed(v, kept[k], `${path}.${k}`, out);
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Wraps `res.json` so every successful JSON answer of this request is checked before it leaves. */
export function guardAnswers(route: RouteSpec, res: Response, logger: Logger): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    if (res.statusCode >= 400) return json(body); // errors have their own shape (components.schemas.Error)
    const problems = answerProblems(route, body);
    if (problems.length === 0) return json(body);
    return json(refuse(route, res, logger, problems));
  };
}

/** A handler that answered nothing (204) although its route declares a JSON answer. */
export function emptyAnswerProblem(route: RouteSpec, res: Response, logger: Logger): boolean {
  if (!isSchema(route.response)) return false;
  const problems = answerProblems(route, undefined);
  if (problems.length === 0) return false;
  res.json(refuse(route, res, logger, ['answered nothing (204)', ...problems]));
  return true;
}

function refuse(route: RouteSpec, res: Response, logger: Logger, problems: string[]) {
  const name = `${route.method.toUpperCase()} ${route.path}`;
  logger.error({ route: name, problems }, 'answer does not match its schema');
  // The test log is usually silent: say it where a failing test's output shows it.
  process.stderr.write(`answer of ${name} does not match its schema:\n  ${problems.join('\n  ')}\n`);
  res.status(500);
  return {
    error: `The answer of ${name} does not match its schema (shared/api).`,
    issues: problems.map((p) => ({ path: p.split(':')[0]!, message: p })),
  };
}
