// The one way a Twilio webhook is run: clean and validate its parameters, run its handler with failures
// tracked, and say what happened. The HTTP adapter (webhook.ts) and the journal replay (replay.ts) both go
// through here, so a replayed webhook meets exactly the checks and handler the live one did.
import type { z, ZodType } from 'zod';
import type { TwilioAnswer } from '../../../shared/api/twilio';
import { inLanguage } from '../../../shared/rules/say';
import { isDatabaseUnavailable } from '../../db/unavailable';
import type { Services } from '../../services';
import { markDatabaseFailure, tracked } from './journal';
import { withoutControlCharacters } from './params';

export interface TwilioHandlerContext<P, Q> {
  params: P;
  query: Q;
  services: Services;
}

/**
 * A webhook is a declaration like an API route (server/http/route.ts): its path, the schemas of what Twilio
 * sends (shared/api/twilio.ts) and what it answers; the OpenAPI document is generated from these too.
 * @public
 */
export interface TwilioRoute<
  PS extends ZodType = ZodType,
  QS extends ZodType = ZodType,
  A extends TwilioAnswer = TwilioAnswer,
> {
  path: string;
  summary: string;
  /** The POST parameters Twilio sends; unknown ones are kept, missing ones are the schema's business. */
  params: PS;
  query?: QS;
  /** 'twiml': the handler answers TwiML (text/xml); 'none': it answers null, an empty 204 (status callbacks). */
  answer: A;
  handler: (
    ctx: TwilioHandlerContext<z.output<PS>, z.output<QS>>,
  ) => Promise<A extends 'twiml' ? string : null> | (A extends 'twiml' ? string : null);
  /** TwiML to answer with when the parameters do not validate (the voice route still dials). */
  onInvalid?: (services: Services, raw: Record<string, string>) => Promise<string> | string;
}

/** @public */
export function defineTwilioRoute<PS extends ZodType, A extends TwilioAnswer, QS extends ZodType = ZodType>(
  r: TwilioRoute<PS, QS, A>,
): TwilioRoute {
  return r as unknown as TwilioRoute;
}

/**
 * What a webhook came to: refused as invalid (with the issues, for Twilio's debugger), or answered. `failed`
 * and `reason` are asked late on purpose: writes the handler started (the call log) may still fail after it
 * answered, and they count too.
 */
export type WebhookOutcome =
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'answered'; twiml: string | null; failed: () => boolean; reason: () => string | null };

/** A safe answer when the handler failed: Twilio hangs up politely, status callbacks get nothing. */
const fallbackAnswer = (route: TwilioRoute) =>
  route.answer === 'none' ? null : '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Runs one webhook. Parameters are cleaned of NUL and control characters first (also for entries journalled
 * before the edge cleaned them). A handler that throws is answered safely and reported as failed, so the
 * caller can journal it; it never throws itself.
 * @public
 */
export async function runWebhook(
  route: TwilioRoute,
  rawParams: Record<string, string>,
  rawQuery: Record<string, string>,
  services: Services,
): Promise<WebhookOutcome> {
  const params = route.params.safeParse(withoutControlCharacters(rawParams));
  const query = (route.query ?? passthrough).safeParse(withoutControlCharacters(rawQuery));
  if (!params.success || !query.success) {
    const issues = [...(params.error?.issues ?? []), ...(query.error?.issues ?? [])];
    return { kind: 'invalid', issues: issues.map((i) => `${i.path.join('.')}: ${inLanguage(i.message, 'en')}`) };
  }
  const run = await tracked(async () => {
    try {
      return await route.handler({ params: params.data, query: query.data, services });
    } catch (err) {
      // Whatever failed, Twilio gets a safe answer and the webhook is journalled by the caller: replayed when
      // the database is back, parked with its reason if it keeps failing (see journal.ts).
      markDatabaseFailure(err);
      if (!isDatabaseUnavailable(err)) {
        services.logger.error({ err: errorSummary(err), path: route.path }, 'webhook step failed; journalled');
      }
      return fallbackAnswer(route);
    }
  });
  return { kind: 'answered', twiml: run.result, failed: run.failed, reason: run.reason };
}

/** An error without what it carried: SQL parameters and messages may hold a caller's number or text. */
const errorSummary = (err: unknown) => ({
  type: err instanceof Error ? err.name : typeof err,
  code: (err as { code?: unknown })?.code,
});

const passthrough = {
  safeParse: (v: unknown) => ({ success: true as const, data: v, error: undefined }),
} as unknown as ZodType;
