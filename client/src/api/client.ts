// The one way the console talks HTTP to the server: same-origin cookies, JSON, and the CSRF header
// `X-Requested-With: permanentie` on every request that is not a GET.
import type { ErrorBody } from './types';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (login, the first session check): do not end the session. */
  quiet401?: boolean;
}

/** A failed call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.error ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The session registers here to hear about any 401 after sign-in ("Sessie verlopen"). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  return finish<T>(res, opts);
}

/**
 * A GET that may be answered "unchanged" (304) when the server's ETag is still `etag`: resolves to
 * null then, else to the data and the new ETag.
 */
export async function apiIfChanged<T>(
  path: string,
  etag: string | null,
  opts: RequestOptions = {},
): Promise<{ data: T; etag: string | null } | null> {
  const res = await send(path, opts, etag ? { 'If-None-Match': etag } : {});
  if (res.status === 304) return null;
  return { data: await finish<T>(res, opts), etag: res.headers.get('ETag') };
}

async function send(path: string, opts: RequestOptions, extra: Record<string, string> = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  // The server answers errors in this language; <html lang> follows the console's language switch.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': document.documentElement.lang || 'nl-BE',
    ...extra,
  };
  if (method !== 'GET') headers['X-Requested-With'] = 'permanentie';
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';

  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: opts.signal,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, null);
  }
}

async function finish<T>(res: Response, opts: RequestOptions): Promise<T> {
  const data = await readJson(res);
  if (res.ok) return data as T;
  if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
  throw new ApiError(res.status, isErrorBody(data) ? data : null);
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(data: unknown): data is ErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ErrorBody).error === 'string';
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
