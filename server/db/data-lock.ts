// One process per embedded database. PGlite has no server of its own: two processes that open one
// data folder each believe they own it, accept writes the other cannot see, and lose some of them.
// The desk therefore holds `<folder>.lock` (created exclusively, holding its pid and start time) for as
// long as it runs. A second start waits for a live holder (a restart that overlaps the old process)
// up to a limit, then refuses, naming the holder; a lock left by a dead process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${folder} is in use by process ${holder.pid} on ${holder.host} (running since ${holder.since}). ` +
        `Stop that process first (kill ${holder.pid}), or give this one its own DATA_DIR. Two processes on one embedded ` +
        'database would each accept holds the other cannot see.',
    );
  }
}

/** @public */
export interface DataLock {
  file: string;
  release(): void;
}

/** @public */
export async function lockDataFolder(
  folder: string,
  waitMs: number,
  now: () => Date = () => new Date(),
): Promise<DataLock> {
  const file = `${folder.replace(/\/$/, '')}.lock`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(file, now)) return { file, release: () => release(file) };
    const holder = readHolder(file);
    if (holder ? !isAlive(holder) : tornFor(file, 5_000)) {
      try {
        unlinkSync(file);
      } catch {
        /* another start took it over first */
      }
      continue;
    }
    if (Date.now() >= deadline) throw new DataFolderInUse(folder, holder ?? { pid: 0, host: '?', since: '?' });
    await new Promise((r) => {
      setTimeout(r, 200);
    });
  }
}

function tryCreate(file: string, now: () => Date): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  writeSync(
    fd,
    JSON.stringify({ pid: process.pid, host: hostname(), since: now().toISOString() } satisfies LockHolder),
  );
  closeSync(fd);
  return true;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number'
      ? { pid: h.pid, host: String(h.host ?? '?'), since: String(h.since ?? '?') }
      : null;
  } catch {
    return null; // being written this very moment, or torn: look again shortly
  }
}

/** A lock file nobody could read for a while: its writer died between creating and writing it. */
function tornFor(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // a shared folder seen from another machine: never steal it
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid) {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}
