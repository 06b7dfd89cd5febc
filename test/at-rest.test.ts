// At rest: the journal, the last-known rota and the data folder are for the desk's own user only,
// whatever the process umask (a test runner's is usually 022).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import type { Services } from '../server/services';
import { WebhookJournal } from '../server/telephony/twilio/journal';
import { LastKnownRota } from '../server/telephony/voice/last-known-rota';
import { openDatabase } from '../server/db/index';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files at rest', () => {
  it('writes the webhook journal and the last-known rota 0600 in a 0700 folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'permanentie-rest-')), 'data');
    const journal = new WebhookJournal(dir);
    journal.add({ logger: createLogger('silent') } as unknown as Services, {
      path: '/twilio/sms',
      params: { From: '+32470000001', Body: 'x' },
      query: {},
      at: new Date().toISOString(),
    });
    const file = (journal as unknown as { file: string }).file;
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    const rota = new LastKnownRota(join(dir, 'last-known-rota.json'));
    await rota.remember({ at: new Date().toISOString() } as never);
    expect(mode(join(dir, 'last-known-rota.json'))).toBe(0o600);
  });

  it("keeps PGlite's data folder 0700", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'permanentie-rest-')), 'pglite');
    const database = openDatabase({ kind: 'pglite', dataDir });
    await database.ping();
    expect(mode(dataDir)).toBe(0o700);
    await database.close();
  });
});
