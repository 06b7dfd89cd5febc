// Replays journalled webhooks (see twilio/journal.ts) through the same handlers once the database
// answers again; the TwiML they return now is thrown away, only their writes matter.
import type { Request } from 'express';
import { repeat } from '../repeat';
import type { Services } from '../services';
import { tracked, type JournalEntry } from './twilio/journal';
import { withoutControlCharacters } from './twilio/params';
import { twilioRoutes } from './webhooks';
import { afterCallLogged } from './voice/incoming';

const OK = { ok: true, reason: null };

export async function applyJournalEntry(entry: JournalEntry, services: Services): Promise<{ ok: boolean; reason: string | null }> {
  const route = twilioRoutes.find((r) => r.path === entry.path);
  if (!route) return OK; // a webhook that no longer exists: nothing to write
  const params = route.params.safeParse(withoutControlCharacters(entry.params)); // entries journalled before the edge cleaned them
  const query = route.query ? route.query.safeParse(entry.query) : { success: true as const, data: entry.query };
  if (!params.success || !query.success) return OK; // it was answered as invalid then; it stays invalid
  const run = await tracked(async () => {
    const out = await route.handler({ params: params.data, query: query.data, req: { query: entry.query } as unknown as Request, services });
    await afterCallLogged(entry.params.CallSid);
    return out;
  });
  return { ok: !run.failed(), reason: run.reason() };
}

export const startJournalReplay = (services: Services, everyMs = 3000) =>
  repeat(services, everyMs, 'webhook journal replay', () => services.webhookJournal.replay(services, applyJournalEntry));
