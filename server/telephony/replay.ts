// Replays journalled webhooks (see twilio/journal.ts) through the same pipeline as a live request once the
// database answers again; the TwiML they return now is thrown away, only their writes matter.
import { repeat } from '../repeat';
import type { Services } from '../services';
import type { JournalEntry } from './twilio/journal';
import { runWebhook } from './twilio/pipeline';
import { twilioRoutes, webhookWritesSettled } from './webhooks';

const OK = { ok: true, reason: null };

export async function applyJournalEntry(
  entry: JournalEntry,
  services: Services,
): Promise<{ ok: boolean; reason: string | null }> {
  const route = twilioRoutes.find((r) => r.path === entry.path);
  if (!route) return OK; // a webhook that no longer exists: nothing to write
  const outcome = await runWebhook(route, entry.params, entry.query, services);
  if (outcome.kind === 'invalid') return OK; // it was answered as invalid then; it stays invalid
  await webhookWritesSettled(entry.params.CallSid);
  return { ok: !outcome.failed(), reason: outcome.reason() };
}

/** @public */
export const startJournalReplay = (services: Services, everyMs = 3000) =>
  repeat(services, everyMs, 'webhook journal replay', () =>
    services.webhookJournal.replay(services, applyJournalEntry),
  );
