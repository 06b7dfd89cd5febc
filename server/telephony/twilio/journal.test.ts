// A journalled webhook that can never be written is parked after MAX_TRIES failed replays (while the
// database answers), with its reason, and the entries after it are written: nothing holds the line back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger';
import type { Services } from '../../services';
import { MAX_TRIES, WebhookJournal } from './journal';

const services = {
  logger: createLogger('silent'),
  ping: async () => true,
  clock: { now: () => new Date('2026-10-25T01:30:00Z') },
} as unknown as Services;
const entry = (sid: string) => ({
  path: '/twilio/voice',
  params: { CallSid: sid, From: '+32470000001' },
  query: {},
  at: '2026-10-25T01:00:00.000Z',
});

describe('webhook journal', () => {
  it('parks an entry that keeps failing and goes on with the next one', async () => {
    const journal = new WebhookJournal(mkdtempSync(join(tmpdir(), 'journal-')));
    journal.add(services, entry('CAbad'));
    journal.add(services, entry('CAgood'));
    const applied: string[] = [];
    const apply = async (e: { params: Record<string, string> }) => {
      if (e.params.CallSid === 'CAbad') return { ok: false, reason: 'error 22P05' };
      applied.push(e.params.CallSid!);
      return { ok: true, reason: null };
    };
    for (let round = 1; round < MAX_TRIES; round++) {
      expect(await journal.replay(services, apply)).toBe(0); // held back while the bad one still has tries
      expect(journal.parked()).toEqual([]);
    }
    expect(await journal.replay(services, apply)).toBe(1);
    expect(applied).toEqual(['CAgood']);
    expect(journal.size).toBe(0);
    const parked = journal.parked();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ path: '/twilio/voice', sid: 'CAbad', tries: MAX_TRIES, reason: 'error 22P05' });
    expect(JSON.stringify(parked)).not.toContain('+32470000001'); // the admin's view carries no caller
  });

  it('does not count a try while the database does not answer', async () => {
    const journal = new WebhookJournal(mkdtempSync(join(tmpdir(), 'journal-')));
    journal.add(services, entry('CAwait'));
    const down = { ...services, ping: async () => false } as unknown as Services;
    for (let i = 0; i < MAX_TRIES * 2; i++) await journal.replay(down, async () => ({ ok: false, reason: 'down' }));
    expect(journal.parked()).toEqual([]);
    expect(journal.size).toBe(1);
  });
});
