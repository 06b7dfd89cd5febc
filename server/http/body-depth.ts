// JSON.parse accepts any nesting, but every recursive walk after it (NUL check, zod, logging) would
// overflow the stack on `[[[[...` a hundred thousand deep. No request of the desk nests deeper than a
// handful of levels, so anything beyond MAX_DEPTH is refused before a route sees it.
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors';
import { say } from '../../shared/rules/say';

export const MAX_DEPTH = 32;

/** Depth of a parsed JSON value, counted without recursion; stops as soon as it passes `limit`. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

/** @public */
export function refuseDeepJson(req: Request, _res: Response, next: NextFunction): void {
  if (depthExceeds(req.body, MAX_DEPTH)) {
    next(
      new HttpError(
        400,
        say(
          `Ongeldige aanvraag: de JSON is dieper genest dan ${MAX_DEPTH} niveaus.`,
          `Invalid request: the JSON is nested deeper than ${MAX_DEPTH} levels.`,
        ),
      ),
    );
    return;
  }
  next();
}
