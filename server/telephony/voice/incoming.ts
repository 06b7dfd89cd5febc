// Answering an incoming call. The database gets DATABASE_DEADLINE_MS to say whom to ring and to log
// the call; if it cannot, the line rings the last-known rota instead: Twilio waits 15 s at most and a
// caller must never hear an error. Calls answered that way are only logged (pino), not stored.
import type { ChainStep } from '../../db/schema';
import type { Services } from '../../services';
import { startCall } from './calls.store';
import { planCall, readSnapshot, type CallPlan } from './last-known-rota';
import * as twiml from './twiml';

export const DATABASE_DEADLINE_MS = 1500;

export async function answerIncoming(services: Services, sid: string | null, from: string | null, to: string | null): Promise<string> {
  try {
    return await withDeadline(DATABASE_DEADLINE_MS, async () => {
      const now = services.clock.now();
      const snapshot = await readSnapshot(services.db, now);
      void services.lastKnownRota.remember(snapshot);
      const plan = planCall(snapshot, now, from, 'database');
      const call = sid ? await startCall(services, sid, from, to, plan) : null;
      if (sid) remember(sid, plan.chain);
      return twiml.answerCall(services.config.twilio, plan.outOfHours, call?.chain ?? plan.chain, plan.callerName);
    });
  } catch (err) {
    services.logger.error({ err, callSid: sid }, 'database did not answer in time: ringing the last-known rota');
    return answerWithoutDatabase(services, sid, from);
  }
}

export async function answerWithoutDatabase(services: Services, sid: string | null, from: string | null = null): Promise<string> {
  await services.lastKnownRota.loadFromDisk();
  const snapshot = services.lastKnownRota.snapshot;
  const plan: CallPlan = snapshot
    ? planCall(snapshot, services.clock.now(), from, 'last-known')
    : { outOfHours: true, chain: [], callerName: null, source: 'last-known' };
  if (sid) remember(sid, plan.chain);
  services.logger.warn({ callSid: sid, from, chain: plan.chain.map((s) => s.role) }, 'call answered from the last-known rota');
  return twiml.answerCall(services.config.twilio, plan.outOfHours, plan.chain, plan.callerName);
}

/** Runs a logging step; a database failure is logged, never turned into an error for Twilio. */
export async function safely<T>(services: Services, work: () => Promise<T>): Promise<T | null> {
  try {
    return await withDeadline(DATABASE_DEADLINE_MS, work);
  } catch (err) {
    services.logger.error({ err }, 'call log step failed; the call goes on');
    return null;
  }
}

function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}

// The chain of each recent call, in this process: the next step can still be dialled without the database.
const chains = new Map<string, ChainStep[]>();
function remember(sid: string, chain: ChainStep[]): void {
  if (chains.size > 1000) chains.delete(chains.keys().next().value!);
  chains.set(sid, chain);
}
export const rememberedChain = (sid: string): ChainStep[] => chains.get(sid) ?? [];
