// Signing and sending webhook requests the way Twilio does: form-encoded POST (or GET with the
// parameters in the query string), X-Twilio-Signature computed by twilio's own implementation over
// the PUBLIC URL, while the bytes actually go to the local server at baseUrl.
import { randomBytes, randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { Params, RequestError, SentRequest } from './types';

/** A Twilio SID: two-letter prefix + 32 hex digits (CA call, RE recording, SM message, PN number). */
export const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');

export function signature(authToken: string, url: string, params: Params): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

export interface HttpConfig {
  baseUrl: string;
  publicUrl: string;
  authToken: string;
  requestTimeoutMs: number;
  /** Absolute URLs served as static TwiML without HTTP (a TwiML Bin, e.g. the Voice Fallback URL). */
  twimlBins: Record<string, string>;
  headers: Record<string, string>;
}

export interface SendOptions {
  method?: 'GET' | 'POST';
  callSid?: string;
  /** Sign with this token instead of the configured one. */
  token?: string;
  /** Send this header value instead of the real signature; null sends no header at all. */
  signatureOverride?: string | null;
}

export class Http {
  readonly log: SentRequest[] = [];
  constructor(readonly cfg: HttpConfig) {}

  /** Resolves a TwiML URL (relative to the current document URL) to an absolute public URL. */
  resolve(url: string, against?: string): string {
    return new URL(url, against ?? this.cfg.publicUrl).toString();
  }

  async send(url: string, params: Params, opts: SendOptions = {}): Promise<SentRequest> {
    const method = opts.method ?? 'POST';
    let signedUrl = this.resolve(url);
    if (method === 'GET') {
      const u = new URL(signedUrl);
      for (const [k, v] of Object.entries(params)) u.searchParams.append(k, v);
      signedUrl = u.toString();
    }
    const sig =
      opts.signatureOverride !== undefined
        ? opts.signatureOverride
        : signature(opts.token ?? this.cfg.authToken, signedUrl, method === 'POST' ? params : {});
    const u = new URL(signedUrl);
    const req: SentRequest = {
      method,
      url: signedUrl,
      sentTo: '',
      path: u.pathname,
      params,
      signature: sig,
      status: null,
      contentType: null,
      body: '',
      ms: 0,
      ...(opts.callSid ? { callSid: opts.callSid } : {}),
    };
    this.log.push(req);
    const started = Date.now();
    try {
      const bin = this.cfg.twimlBins[signedUrl] ?? this.cfg.twimlBins[url];
      if (bin !== undefined) {
        Object.assign(req, { sentTo: 'twiml-bin', status: 200, contentType: 'text/xml', body: bin });
        return req;
      }
      const target = this.target(u);
      if (!target)
        return fail(req, {
          code: 11210,
          kind: 'unreachable',
          message: `the fake only reaches ${this.cfg.publicUrl} and twimlBins, not ${u.origin}`,
        });
      req.sentTo = target;
      const headers: Record<string, string> = {
        'user-agent': 'TwilioProxy/1.1',
        accept: '*/*',
        'i-twilio-idempotency-token': randomUUID(),
        ...this.cfg.headers,
      };
      if (sig !== null) headers['x-twilio-signature'] = sig;
      if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      const res = await fetch(target, {
        method,
        headers,
        signal: AbortSignal.timeout(this.cfg.requestTimeoutMs),
        ...(method === 'POST' ? { body: new URLSearchParams(params).toString() } : {}),
      });
      req.status = res.status;
      req.contentType = res.headers.get('content-type');
      req.body = await res.text();
      return req;
    } catch (err) {
      const e = err as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        return fail(req, { code: 11205, kind: 'timeout', message: `no answer within ${this.cfg.requestTimeoutMs} ms` });
      }
      return fail(req, {
        code: 11205,
        kind: 'network',
        message: `${e.message}${e.cause ? `: ${String((e.cause as Error).message ?? e.cause)}` : ''}`,
      });
    } finally {
      req.ms = Date.now() - started;
    }
  }

  /** publicUrl's (or baseUrl's) origin maps to baseUrl with the same path and query; other hosts are unreachable. */
  private target(u: URL): string | null {
    const pub = new URL(this.cfg.publicUrl);
    const base = new URL(this.cfg.baseUrl);
    if (u.origin !== pub.origin && u.origin !== base.origin) return null;
    return base.origin + u.pathname + u.search;
  }
}

function fail(req: SentRequest, error: RequestError): SentRequest {
  req.error = error;
  return req;
}

/** Checks an HTTP answer the way Twilio does before reading TwiML: 2xx and an XML content type. */
export function twimlProblem(req: SentRequest): RequestError | undefined {
  if (req.error) return req.error;
  if (req.status === null || req.status < 200 || req.status > 299) {
    return { code: 11200, kind: 'http-status', message: `HTTP ${req.status}` };
  }
  if (!/xml/i.test(req.contentType ?? '')) {
    return { code: 12300, kind: 'content-type', message: `Invalid Content-Type ${req.contentType ?? '(none)'}` };
  }
  return undefined;
}
