// One process per PGlite folder: a second start is refused naming the holder; a dead holder's lock is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from './data-lock';

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, naming its pid, and frees on release', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'lock-')), 'pglite');
    const first = await lockDataFolder(folder, 0);
    const started = Date.now();
    const err = await lockDataFolder(folder, 400).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400); // it waited for the holder before refusing
    expect(err).toBeInstanceOf(DataFolderInUse);
    expect((err as Error).message).toContain(`process ${process.pid}`);
    first.release();
    expect(existsSync(first.file)).toBe(false);
    (await lockDataFolder(folder, 0)).release();
  });

  it('takes over the lock of a process that died', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'lock-')), 'pglite');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-10-25T01:00:00Z' }));
    const lock = await lockDataFolder(folder, 0);
    lock.release();
  });
});
