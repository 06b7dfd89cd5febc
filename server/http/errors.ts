// Errors a handler may throw on purpose. Anything else is a bug and becomes a logged 500.
import type { ZodError } from 'zod';
import { say } from '../../shared/rules/say';

/** @public */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** @public */
export const badRequest = (message: string, extra?: Record<string, unknown>) => new HttpError(400, message, extra);
/** @public */
export const unauthorized = (message = say('Meld je eerst aan.', 'Sign in first.')) => new HttpError(401, message);
/** @public */
export const forbidden = (message = say('Je rol mag dit niet.', 'Your role may not do this.')) =>
  new HttpError(403, message);
/** @public */
export const notFound = (message = say('Niet gevonden.', 'Not found.')) => new HttpError(404, message);
/** @public */
export const conflict = (message: string, extra?: Record<string, unknown>) => new HttpError(409, message, extra);

export interface FieldIssue {
  path: string;
  message: string;
}

/** Turns a zod error into "field: message" lines that name the field, as a person can act on them. */
export function validationError(where: 'body' | 'query' | 'params', error: ZodError): HttpError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return {
        path,
        message: say(`onbekend(e) veld(en): ${issue.keys.join(', ')}`, `unknown field(s): ${issue.keys.join(', ')}`),
      };
    }
    return { path, message: issue.message };
  });
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return badRequest(say(`Ongeldige aanvraag: ${summary}`, `Invalid request: ${summary}`), { issues });
}

/**
 * A 400 for one field found wrong after validation (e.g. against the database), named as zod would.
 * @public
 */
export function fieldError(path: string, message: string): HttpError {
  return badRequest(say(`Ongeldige aanvraag: ${path}: ${message}`, `Invalid request: ${path}: ${message}`), {
    issues: [{ path, message }],
  });
}
