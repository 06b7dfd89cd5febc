// Files the desk reads (region data, demo data, the built console) are found from the project root,
// not from the module's own place: the same code runs as TypeScript (tsx, vitest) from server/ and
// compiled into one file in dist/server/, so `new URL('./data', import.meta.url)` would differ.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root (package.json beside server/) above ${from}`);
  }
}

/** The project folder: where package.json, server/ and dist/ are. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. fromRoot('server/region/data/kempen'). */
export const fromRoot = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
