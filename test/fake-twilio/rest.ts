// Twilio's REST API as msw handlers: send a message, list and update the account's phone numbers.
// Basic auth accountSid:authToken is required (401, code 20003, like Twilio); errors have Twilio's
// JSON shape { code, message, more_info, status }; failNext() makes the next requests fail.
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { setupServer, type SetupServerApi } from 'msw/node';
import { sid } from '../../server/fake-twilio/signing';

export interface TwilioRestOptions {
  accountSid: string;
  authToken: string;
  /** Default https://api.twilio.com (the app's TWILIO_API_URL). */
  apiUrl?: string;
  /** E.164 numbers the account owns, listed by IncomingPhoneNumbers.json. */
  phoneNumbers?: string[];
  /** Hosts msw lets through untouched (default 127.0.0.1, localhost, [::1]): the app and FakeTwilio's webhooks. */
  passthroughHosts?: string[];
}

export interface SentMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  status: string;
  statusCallback: string | null;
  messagingServiceSid: string | null;
  /** Every form field as posted. */
  params: Record<string, string>;
}
/** HTTP status (500, 503, 429...), 'timeout' (never answers), 'network' (connection error), or a Twilio error code (HTTP 400 by default). */
export type RestFailure = number | 'timeout' | 'network' | { code: number; status?: number; message?: string };
export type IncomingNumber = Record<string, JsonBodyType> & { sid: string; phone_number: string };

export interface TwilioRest {
  handlers: HttpHandler[];
  server: SetupServerApi;
  messages: SentMessage[];
  numbers: IncomingNumber[];
  /** POSTs to IncomingPhoneNumbers/{sid}.json, fields as posted (VoiceUrl, SmsUrl, StatusCallback, VoiceFallbackUrl...). */
  updates: { sid: string; fields: Record<string, string> }[];
  /** Every API request seen, with the status answered. */
  log: { method: string; path: string; status: number | 'timeout' | 'network' }[];
  /** The next n API requests fail this way (default 1, 500). */
  failNext(n?: number, failure?: RestFailure): void;
  /** server.listen with onUnhandledRequest 'error' (except passthroughHosts). */
  start(): void;
  stop(): void;
  /** Forgets messages, updates, log and pending failures. */
  reset(): void;
  /** Drops the failures still queued: the API works again, the record of what was sent stays. */
  heal(): void;
}

const TITLES: Record<number, [number, string]> = {
  401: [20003, 'Authenticate'],
  404: [20404, 'The requested resource was not found'],
  429: [20429, 'Too Many Requests'],
  500: [20500, 'Internal Server Error'],
  503: [20503, 'Service Unavailable'],
};
const twilioError = (status: number, code: number, message: string) =>
  HttpResponse.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, { status });
const snake = (k: string) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function twilioRest(opts: TwilioRestOptions): TwilioRest {
  const api = (opts.apiUrl ?? 'https://api.twilio.com').replace(/\/$/, '');
  const base = `${api}/2010-04-01/Accounts/:account`;
  const uriOf = (path: string) => `/2010-04-01/Accounts/${opts.accountSid}${path}`;
  const basic = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  const failures: RestFailure[] = [];
  const numbers: IncomingNumber[] = (opts.phoneNumbers ?? []).map((n) => {
    const pn = sid('PN');
    return {
      sid: pn,
      account_sid: opts.accountSid,
      phone_number: n,
      friendly_name: n,
      api_version: '2010-04-01',
      voice_url: null,
      voice_method: 'POST',
      voice_fallback_url: null,
      voice_fallback_method: 'POST',
      status_callback: null,
      status_callback_method: 'POST',
      sms_url: null,
      sms_method: 'POST',
      sms_fallback_url: null,
      sms_fallback_method: 'POST',
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      uri: uriOf(`/IncomingPhoneNumbers/${pn}.json`),
    };
  });
  const rest: Omit<TwilioRest, 'handlers' | 'server'> & Partial<Pick<TwilioRest, 'handlers' | 'server'>> = {
    messages: [],
    numbers,
    updates: [],
    log: [],
    failNext(n = 1, failure = 500) {
      for (let i = 0; i < n; i++) failures.push(failure);
    },
    start() {
      server.listen({
        onUnhandledRequest: (req, print) => {
          if (!passthrough.includes(new URL(req.url).hostname)) print.error();
        },
      });
    },
    stop() {
      server.close();
    },
    heal() {
      failures.length = 0;
    },
    reset() {
      rest.messages.length = 0;
      rest.updates.length = 0;
      rest.log.length = 0;
      failures.length = 0;
    },
  };
  const passthrough = opts.passthroughHosts ?? ['127.0.0.1', 'localhost', '[::1]', '::1'];

  /** Failures, auth and account checks shared by every endpoint; undefined = go on. */
  async function gate(request: Request, account: unknown): Promise<Response | undefined> {
    const path = new URL(request.url).pathname;
    const entry = { method: request.method, path, status: 0 as TwilioRest['log'][number]['status'] };
    rest.log.push(entry);
    const failure = failures.shift();
    let res: Response | undefined;
    if (failure === 'timeout') {
      entry.status = 'timeout';
      await delay('infinite');
    } else if (failure === 'network') {
      entry.status = 'network';
      return HttpResponse.error();
    } else if (typeof failure === 'number')
      res = twilioError(failure, ...(TITLES[failure] ?? [failure, `HTTP ${failure}`]));
    else if (failure)
      res = twilioError(failure.status ?? 400, failure.code, failure.message ?? `Twilio error ${failure.code}`);
    else if (request.headers.get('authorization') !== basic) res = twilioError(401, 20003, 'Authenticate');
    else if (account !== opts.accountSid) res = twilioError(404, 20404, `The requested resource ${path} was not found`);
    if (res) entry.status = res.status;
    return res;
  }
  const ok = (body: JsonBodyType, status = 200) => {
    rest.log[rest.log.length - 1]!.status = status;
    return HttpResponse.json(body, { status });
  };
  const form = async (r: Request) => Object.fromEntries(new URLSearchParams(await r.text()));
  const messageJson = (m: SentMessage) => {
    const now = new Date().toUTCString();
    return {
      account_sid: opts.accountSid,
      api_version: '2010-04-01',
      body: m.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: '0',
      num_segments: String(Math.max(1, Math.ceil(m.body.length / 153))),
      price: null,
      price_unit: 'USD',
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: uriOf(`/Messages/${m.sid}/Media.json`) },
      to: m.to,
      uri: uriOf(`/Messages/${m.sid}.json`),
    };
  };

  const handlers = [
    http.post(`${base}/Messages.json`, async ({ request, params }) => {
      const denied = await gate(request, params.account);
      if (denied) return denied;
      const f = await form(request);
      const fail = (code: number, message: string) => {
        rest.log[rest.log.length - 1]!.status = 400;
        return twilioError(400, code, message);
      };
      if (!f.To) return fail(21604, "A 'To' phone number is required.");
      if (!f.From && !f.MessagingServiceSid) return fail(21603, "A 'From' phone number is required.");
      if (!f.Body && !f.MediaUrl) return fail(21602, 'Message body is required.');
      if ((f.Body ?? '').length > 1600)
        return fail(21617, 'The concatenated message body exceeds the 1600 character limit.');
      const m: SentMessage = {
        sid: sid('SM'),
        to: f.To,
        from: f.From ?? null,
        body: f.Body ?? '',
        status: f.MessagingServiceSid ? 'accepted' : 'queued',
        statusCallback: f.StatusCallback ?? null,
        messagingServiceSid: f.MessagingServiceSid ?? null,
        params: f,
      };
      rest.messages.push(m);
      return ok(messageJson(m), 201);
    }),
    http.get(`${base}/Messages.json`, async ({ request, params }) => {
      const denied = await gate(request, params.account);
      if (denied) return denied;
      const q = new URL(request.url).searchParams;
      const list = rest.messages.filter(
        (m) => (!q.get('To') || m.to === q.get('To')) && (!q.get('From') || m.from === q.get('From')),
      );
      return ok({ messages: list.map(messageJson), page: 0, page_size: list.length, next_page_uri: null });
    }),
    http.get(`${base}/Messages/:msg`, async ({ request, params }) => {
      const denied = await gate(request, params.account);
      if (denied) return denied;
      const m = rest.messages.find((x) => `${x.sid}.json` === params.msg);
      return m ? ok(messageJson(m)) : twilioError(404, 20404, 'The requested resource was not found');
    }),
    http.get(`${base}/IncomingPhoneNumbers.json`, async ({ request, params }) => {
      const denied = await gate(request, params.account);
      if (denied) return denied;
      const wanted = new URL(request.url).searchParams.get('PhoneNumber');
      const list = numbers.filter((n) => !wanted || n.phone_number === wanted);
      return ok({
        incoming_phone_numbers: list,
        page: 0,
        page_size: 50,
        start: 0,
        end: Math.max(0, list.length - 1),
        first_page_uri: uriOf('/IncomingPhoneNumbers.json?PageSize=50&Page=0'),
        next_page_uri: null,
        previous_page_uri: null,
        uri: uriOf('/IncomingPhoneNumbers.json'),
      });
    }),
    http.post(`${base}/IncomingPhoneNumbers/:pn`, async ({ request, params }) => {
      const denied = await gate(request, params.account);
      if (denied) return denied;
      const n = numbers.find((x) => `${x.sid}.json` === params.pn);
      if (!n) {
        rest.log[rest.log.length - 1]!.status = 404;
        return twilioError(404, 20404, 'The requested resource was not found');
      }
      const fields = await form(request);
      rest.updates.push({ sid: n.sid, fields });
      for (const [k, v] of Object.entries(fields)) n[snake(k)] = v;
      return ok(n);
    }),
  ];
  const server = setupServer(...handlers);
  return Object.assign(rest, { handlers, server }) as TwilioRest;
}
