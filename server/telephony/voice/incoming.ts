// Answering an incoming call, fast and whatever happens. Whom to ring comes from the rota in memory
// (refreshed every 15 s, after every rota change, and from disk after a restart); only when that copy
// is older than FRESH_MS is the database asked first, with DATABASE_DEADLINE_MS to answer. The call
// is logged after the TwiML is sent, in batches (call-log-queue.ts): Twilio waits 15 s at most, a
// caller must never hear an error, and the next webhooks of the same call wait for that write (see
// afterCallLogged). The TwiML itself is built once per plan, line and caller name (LastKnownRota.answer).
import type { ChainStep } from '../../db/schema';
import { maskNumber } from '../../logger';
import type { Services } from '../../services';
import { markDatabaseFailure } from '../twilio/journal';
import { logCall } from './call-log-queue';
import { refreshLastKnownRota } from './keep-fresh';
import type { CallPlan } from './last-known-rota';
import * as twiml from './twiml';

export const DATABASE_DEADLINE_MS = 1500;

export async function answerIncoming(
  services: Services,
  sid: string | null,
  from: string | null,
  to: string | null,
): Promise<string> {
  const { plan, twiml: answer } = await answerNow(services, from, to);
  if (sid) {
    remember(sid, plan.chain);
    track(
      sid,
      logCall(services, { sid, from, to, plan, at: services.clock.now() }).catch((err) => {
        markDatabaseFailure(err);
        services.logger.error(
          { err, callSid: sid, caller: maskNumber(from), chain: plan.chain.map((s) => s.role) },
          'call not logged; the call goes on',
        );
      }),
    );
  }
  return answer;
}

/**
 * The plan and its TwiML, from memory (see LastKnownRota.answer); the database only when the copy is stale.
 * The number called (`to`) picks the region, and so its rota and day number (LastKnownRota.lineFor).
 */
async function answerNow(
  services: Services,
  from: string | null,
  to: string | null,
): Promise<{ plan: CallPlan; twiml: string }> {
  const lkr = services.lastKnownRota;
  const now = services.clock.now();
  const build = (plan: CallPlan) =>
    twiml.answerCall(services.config.twilio, plan.outOfHours, plan.chain, plan.callerName);
  if (lkr.fresh()) return lkr.answer(now, from, 'database', to, build)!;
  try {
    await withDeadline(DATABASE_DEADLINE_MS, () => refreshLastKnownRota(services, { throwOnError: true }));
    return lkr.answer(now, from, 'database', to, build)!;
  } catch (err) {
    await lkr.loadFromDisk();
    const known = lkr.answer(now, from, 'last-known', to, build);
    services.logger.error(
      { err, caller: maskNumber(from), chain: known?.plan.chain.map((s) => s.role) ?? [] },
      'database did not answer: ringing the last-known rota',
    );
    if (known) return known;
    // Nothing known at all (first start without a database): straight to voicemail, which still records.
    const plan: CallPlan = { outOfHours: true, chain: [], callerName: null, source: 'last-known', region: null };
    return { plan, twiml: build(plan) };
  }
}

/** Runs a logging step; a database failure is logged, never turned into an error for Twilio. */
export async function safely<T>(services: Services, work: () => Promise<T>): Promise<T | null> {
  try {
    return await withDeadline(DATABASE_DEADLINE_MS, work);
  } catch (err) {
    markDatabaseFailure(err); // the webhook is journalled and replayed once the database answers
    services.logger.error({ err }, 'call log step failed; the call goes on');
    return null;
  }
}

export function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}

// Per recent call, in this process: its chain (so the next step can be dialled without the database)
// and the pending write of its log row (so later webhooks of the call find the row).
const chains = new Map<string, ChainStep[]>();
const pending = new Map<string, Promise<unknown>>();

function remember(sid: string, chain: ChainStep[]): void {
  if (chains.size > 1000) chains.delete(chains.keys().next().value!);
  chains.set(sid, chain);
}
function track(sid: string, write: Promise<unknown>): void {
  pending.set(sid, write);
  void write.finally(() => {
    if (pending.get(sid) === write) pending.delete(sid);
  });
}
export const rememberedChain = (sid: string): ChainStep[] => chains.get(sid) ?? [];
/**
 * Waits (briefly) until the call's log row is written, if this process is writing it.
 * @public
 */
export const afterCallLogged = async (sid: string | undefined) => {
  if (sid) await pending.get(sid);
};
