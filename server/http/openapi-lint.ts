// `npm run openapi:lint`: the generated OpenAPI document, written to a temporary file, linted by Redocly
// (rules in redocly.yaml). Exits with Redocly's status, so CI fails on any error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../app';
import { fromRoot } from '../paths';

const dir = mkdtempSync(join(tmpdir(), 'permanentie-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, JSON.stringify(openApiDocument('https://permanentie.example.be'), null, 2));
  const lint = spawnSync(fromRoot('node_modules/.bin/redocly'), ['lint', file, '--config', fromRoot('redocly.yaml')], {
    stdio: 'inherit',
    // CI and the desk's machines send nothing to Redocly: no usage telemetry, no update check.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
