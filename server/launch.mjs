// `npm start`: builds the console and compiles the server (esbuild, into dist/server) only when they
// are missing or older than their sources, then runs the compiled desk under a small supervisor that
// starts it again when it dies (a crash must not leave the line unanswered until somebody notices).
// A restart therefore spends no time compiling. Plain JavaScript, so it runs before anything is compiled.
//   node server/launch.mjs [entry]        entry defaults to server/main.ts (run as dist/server/main.js)
//   node server/launch.mjs --build-only   `npm run build`: build what is stale, run nothing (--server-only: not the console)
//   SUPERVISE=false                       run once (systemd, Docker and start:cluster supervise themselves)
//   SERVER_RUNTIME=tsx                    run the TypeScript sources with tsx (also the fallback when compiling fails)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'server/main.ts';
const stampFile = join(root, 'dist/client/.build-stamp');
const serverOut = join(root, 'dist/server');
const serverStampFile = join(serverOut, '.build-stamp');
/** The entry points compiled into dist/server (what `npm start` and `start:cluster` run). */
const SERVER_ENTRIES = ['server/main.ts', 'server/cluster.ts'];

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.warn(
    `WARNING: Node ${process.versions.node} is out of support; the desk is supported on Node 22 LTS. It runs, but install Node 22 for production.`,
  );
}

/** A fingerprint of the files a build is made from: paths, sizes and modification times. */
function fingerprint(dirs, files, skip = () => false) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (!skip(name)) hash.update(`${relative(root, path)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  for (const file of files) {
    const st = statSync(join(root, file));
    hash.update(`${file}:${st.size}:${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const consoleSources = () => fingerprint(['client', 'shared'], ['vite.config.ts', 'package-lock.json']);
// Tests are not part of the desk: editing one does not make the build stale.
const serverSources = () =>
  fingerprint(['server', 'shared'], ['package-lock.json', 'tsconfig.json'], (name) => /\.test\.ts$/.test(name)) +
  `:${process.versions.node.split('.')[0]}`;

/** dist/server is current: compiled from exactly these sources. */
export function serverBuildIsCurrent() {
  return existsSync(serverStampFile) && readFileSync(serverStampFile, 'utf8') === serverSources();
}

/**
 * Compiles the server when dist/server is missing or stale. Returns true when a current build is there
 * afterwards; false (with the reason printed) when compiling failed, and the caller falls back to tsx.
 */
export async function buildServerIfStale() {
  const wanted = serverSources();
  if (existsSync(serverStampFile) && readFileSync(serverStampFile, 'utf8') === wanted) return true;
  console.log('compiling the server (dist/server is missing or older than its sources)...');
  try {
    const esbuild = await import('esbuild');
    rmSync(serverOut, { recursive: true, force: true });
    // One file per entry; packages stay in node_modules (external), so native ones (argon2) load as usual.
    await esbuild.build({
      entryPoints: SERVER_ENTRIES.map((e) => join(root, e)),
      outdir: serverOut,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
      tsconfig: join(root, 'tsconfig.json'),
    });
    writeFileSync(serverStampFile, wanted);
    return true;
  } catch (err) {
    console.error(`compiling the server failed (${err?.message ?? err}); running it with tsx instead`);
    return false;
  }
}

export function buildConsoleIfStale() {
  const wanted = consoleSources();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return false;
  console.log('building the console (it is missing or older than its sources)...');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  writeFileSync(stampFile, wanted);
  return true;
}

let compiled = false;
function run() {
  const built = join(serverOut, entry.replace(/^server\//, '').replace(/\.ts$/, '.js'));
  if (compiled && existsSync(built))
    return spawn(process.execPath, ['--enable-source-maps', built], { cwd: root, stdio: 'inherit' });
  return spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, entry)], {
    cwd: root,
    stdio: 'inherit',
  });
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
    process.on(sig, () => {
      stopping = true;
      if (child && child.exitCode === null) child.kill(sig);
      else process.exit(0);
    });
  }
  start();
}

if (process.argv.includes('--build-only')) {
  if (!process.argv.includes('--server-only')) buildConsoleIfStale();
  if (!(await buildServerIfStale())) process.exit(1);
} else {
  buildConsoleIfStale();
  const tsxOnly = process.env.SERVER_RUNTIME === 'tsx';
  if (!tsxOnly && !SERVER_ENTRIES.includes(entry)) console.warn(`${entry} is not compiled; running it with tsx`);
  compiled = !tsxOnly && SERVER_ENTRIES.includes(entry) && (await buildServerIfStale());
  if (process.env.SUPERVISE === 'false') {
    const child = run();
    for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 1));
  } else {
    supervise();
  }
}
