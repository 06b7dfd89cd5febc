// `npm start`: builds the console only when it is missing or older than its sources, then runs the
// desk under a small supervisor that starts it again when it dies (a crash must not leave the line
// unanswered until somebody notices). Plain JavaScript, so it runs before anything is compiled.
//   node server/launch.mjs [entry]        entry defaults to server/main.ts
//   SUPERVISE=false                       run once (systemd, Docker and start:cluster supervise themselves)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'server/main.ts';
const stampFile = join(root, 'dist/client/.build-stamp');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.warn(`WARNING: Node ${process.versions.node} is out of support; the desk is supported on Node 22 LTS. It runs, but install Node 22 for production.`);
}

/** A fingerprint of everything the console is built from: paths, sizes and modification times. */
function consoleSources() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else hash.update(`${relative(root, path)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const dir of ['client', 'shared']) walk(join(root, dir));
  for (const file of ['vite.config.ts', 'package-lock.json']) {
    const st = statSync(join(root, file));
    hash.update(`${file}:${st.size}:${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function buildConsoleIfStale() {
  const wanted = consoleSources();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return false;
  console.log('building the console (it is missing or older than its sources)...');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  writeFileSync(stampFile, wanted);
  return true;
}

function run() {
  return spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, entry)], { cwd: root, stdio: 'inherit' });
}

function supervise() {
  let child = null;
  let stopping = false;
  let delay = 1000;
  const start = () => {
    const startedAt = Date.now();
    child = run();
    child.on('exit', (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      if (code === 0) process.exit(0);
      if (Date.now() - startedAt > 60_000) delay = 1000; // it ran a while: a fresh crash, not a crash loop
      console.error(`the desk stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s`);
      setTimeout(start, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  for (const sig of ['SIGTERM', 'SIGINT']) {
    process.on(sig, () => { stopping = true; if (child && child.exitCode === null) child.kill(sig); else process.exit(0); });
  }
  start();
}

if (process.argv.includes('--build-only')) {
  buildConsoleIfStale();
} else {
  buildConsoleIfStale();
  if (process.env.SUPERVISE === 'false') {
    const child = run();
    for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 1));
  } else {
    supervise();
  }
}
