// The import fences are lint rules (biome.json); this proves they bite, by linting small probe files
// written where real code would live: a capability reaching another past its public surface, and
// shared/ reaching into the server. Each probe is removed afterwards.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

/** Lints `source` as if it were a file in `folder`; returns the rule names Biome reported as errors. */
async function lintProbe(folder: string, source: string): Promise<string[]> {
  const path = join(folder, `fence-probe-${randomUUID().slice(0, 8)}.ts`);
  writeFileSync(join(ROOT, path), source);
  try {
    const run = await promisify(execFile)(BIOME, ['lint', '--diagnostic-level=error', '--reporter=json', path], {
      cwd: ROOT,
    }).catch((failed: { stdout: string }) => failed);
    const report = JSON.parse(run.stdout) as { diagnostics: { category: string }[] };
    return report.diagnostics.map((d) => d.category);
  } finally {
    rmSync(join(ROOT, path), { force: true });
  }
}

describe('import fences', { timeout: 30_000 }, () => {
  it("refuses a capability's import of another capability's export that is not marked @public", async () => {
    // boardScopeOf is capacity's own helper, not part of its public surface.
    const errors = await lintProbe(
      'server/intake',
      "import { boardScopeOf } from '../capacity/board';\nexport const probe = [boardScopeOf];\n",
    );
    expect(errors).toContain('lint/correctness/noPrivateImports');
  });

  it('lets a capability use what another marks @public', async () => {
    // readBoard is capacity's public way to read the board.
    const errors = await lintProbe(
      'server/intake',
      "import { readBoard } from '../capacity/board';\nexport const probe = [readBoard];\n",
    );
    expect(errors).toEqual([]);
  });

  it('lets a file use its own capability freely', async () => {
    const errors = await lintProbe(
      'server/capacity',
      "import { boardScopeOf } from './board';\nexport const probe = [boardScopeOf];\n",
    );
    expect(errors).toEqual([]);
  });

  it('refuses shared/ importing server code', async () => {
    const errors = await lintProbe(
      'shared/rules',
      "import { readBoard } from '../../server/capacity/board';\nexport const probe = [readBoard];\n",
    );
    expect(errors).toContain('lint/style/noRestrictedImports');
  });
});
