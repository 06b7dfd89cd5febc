// Incoming SMS to the Messaging URL, and SMS status callbacks for messages the app sent.
import type { Http } from './signing';
import { sid, twimlProblem } from './signing';
import { messageReplies } from './twiml';
import type { Params, RequestError, SentRequest } from './types';

export interface SmsOptions {
  from: string;
  body: string;
  /** Defaults to the fake's phoneNumber. */
  to?: string;
  media?: { url: string; contentType: string }[];
  messagingServiceSid?: string;
}

export interface SmsResult {
  messageSid: string;
  status: number | null;
  /** The raw answer body. */
  body: string;
  /** The texts of the <Message> verbs in the TwiML answer (an empty answer means no reply). */
  replies: string[];
  request: SentRequest;
  error?: RequestError;
}

export interface SmsConfig {
  accountSid: string;
  phoneNumber: string;
  smsUrl: string;
}

export async function sendSms(http: Http, cfg: SmsConfig, o: SmsOptions): Promise<SmsResult> {
  const messageSid = sid('SM');
  const media = o.media ?? [];
  const params: Params = {
    ToCountry: '',
    ToState: '',
    ToCity: '',
    ToZip: '',
    FromCountry: '',
    FromState: '',
    FromCity: '',
    FromZip: '',
    MessageSid: messageSid,
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    AccountSid: cfg.accountSid,
    ...(o.messagingServiceSid ? { MessagingServiceSid: o.messagingServiceSid } : {}),
    From: o.from,
    To: o.to ?? cfg.phoneNumber,
    Body: o.body,
    NumMedia: String(media.length),
    NumSegments: String(Math.max(1, Math.ceil(o.body.length / 153))),
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    ...Object.fromEntries(
      media.flatMap((m, i) => [
        [`MediaUrl${i}`, m.url],
        [`MediaContentType${i}`, m.contentType],
      ]),
    ),
  };
  const request = await http.send(cfg.smsUrl, params);
  const result: SmsResult = { messageSid, status: request.status, body: request.body, replies: [], request };
  // An empty 2xx answer (no TwiML) is fine for messaging: no reply is sent.
  const empty = !request.error && request.status !== null && request.status < 300 && !request.body.trim();
  const problem = empty ? undefined : twimlProblem(request);
  if (problem) return { ...result, error: problem };
  try {
    result.replies = messageReplies(request.body);
  } catch (e) {
    result.error = { code: 12100, kind: 'parse', message: (e as Error).message };
  }
  return result;
}

export interface MessageRef {
  sid: string;
  to: string;
  from: string | null;
  statusCallback?: string | null;
}

/** Posts an SMS status callback (MessageStatus, ErrorCode) for a message the app sent, to its StatusCallback or `url`. */
export async function sendMessageStatus(
  http: Http,
  accountSid: string,
  msg: MessageRef,
  status: string,
  errorCode?: string | number,
  url?: string,
): Promise<SentRequest> {
  const target = url ?? msg.statusCallback;
  if (!target) throw new Error(`message ${msg.sid} has no StatusCallback; pass a url`);
  return http.send(target, {
    MessageSid: msg.sid,
    SmsSid: msg.sid,
    AccountSid: accountSid,
    From: msg.from ?? '',
    To: msg.to,
    MessageStatus: status,
    SmsStatus: status,
    ApiVersion: '2010-04-01',
    ...(errorCode !== undefined ? { ErrorCode: String(errorCode) } : {}),
  });
}
