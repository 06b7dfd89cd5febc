// Cookies are read in one way everywhere (Express and the socket.io handshake): the `cookie` package,
// which never throws on a malformed value (a bad percent-escape stays as it came) and returns an object
// without a prototype, so a cookie named `__proto__` is just a name.
import { parseCookie } from 'cookie';
import type { NextFunction, Request, Response } from 'express';

/** @public */
export function readCookies(header: string | undefined): Record<string, string> {
  if (!header) return {};
  try {
    const parsed = parseCookie(header);
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') out[name] = value;
    return out;
  } catch {
    return {}; // a header the parser cannot read carries no session: the request is anonymous
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      cookies: Record<string, string>;
    }
  }
}

/**
 * Express middleware: `req.cookies` from the Cookie header.
 * @public
 */
export function cookies(req: Request, _res: Response, next: NextFunction): void {
  req.cookies = readCookies(req.headers.cookie);
  next();
}
