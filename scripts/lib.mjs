/* global fetch, AbortSignal */
// Shared by scripts/start.mjs, scripts/dev.mjs and scripts/test.mjs: plain
// Node (no dependencies), because it runs before `npm ci` on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INPUTS, sourceHash } from './build-hash.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = path.join(ROOT, '.stamps');
export const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
export const bold = (s) => (useColour ? `\x1b[1m${s}\x1b[22m` : s);
export const dim = (s) => (useColour ? `\x1b[2m${s}\x1b[22m` : s);
export const red = (s) => (useColour ? `\x1b[31m${s}\x1b[39m` : s);
export const green = (s) => (useColour ? `\x1b[32m${s}\x1b[39m` : s);

export function log(msg) {
  console.log(`${dim('[netzwerkraum]')} ${msg}`);
}

export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------
// Stamps: a hash of the inputs, written after a step succeeded.

export function readStamp(name) {
  try {
    return fs.readFileSync(path.join(STAMPS, name), 'utf8').trim();
  } catch {
    return '';
  }
}

export function writeStamp(name, value) {
  fs.mkdirSync(STAMPS, { recursive: true });
  fs.writeFileSync(path.join(STAMPS, name), value);
}

export { BUILD_INPUTS };

export function hashInputs(inputs) {
  return sourceHash(ROOT, inputs);
}

// ---------------------------------------------------------------------------
// Dependencies

/** True when node_modules holds exactly the versions package-lock.json names (npm's own record of the install). */
function installedMatchesLock() {
  let lock, installed;
  try {
    lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages ?? {};
    installed =
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '.package-lock.json'), 'utf8')).packages ?? {};
  } catch {
    return false;
  }
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '' || !key.startsWith('node_modules/')) continue;
    const have = installed[key];
    if (!have) {
      if (entry.optional || entry.peer) continue; // e.g. another platform's binary
      return false;
    }
    if (entry.version && have.version !== entry.version) return false;
  }
  return true;
}

/**
 * Installs dependencies (`npm ci`) when node_modules is missing or
 * package-lock.json changed since the last install. Returns the seconds spent
 * (0 when nothing was to do).
 */
export function ensureDeps() {
  const lockHash = hashInputs(['package-lock.json']);
  const hasModules = fs.existsSync(path.join(ROOT, 'node_modules'));
  if (hasModules && readStamp('deps') === lockHash) return 0;
  if (hasModules && installedMatchesLock()) {
    writeStamp('deps', lockHash); // installed by hand with the same lock file
    return 0;
  }
  const started = Date.now();
  log(
    hasModules
      ? 'package-lock.json changed: installing dependencies (npm ci)…'
      : 'installing dependencies (npm ci, a few minutes the first time)…',
  );
  // Dev dependencies are needed to build (TypeScript, Tailwind), even when NODE_ENV=production.
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--include=dev'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(red(`npm ci failed (exit ${res.status}). Is the npm registry reachable?`));
    process.exit(1);
  }
  writeStamp('deps', lockHash);
  log(`dependencies installed in ${seconds(started)}`);
  return (Date.now() - started) / 1000;
}

/**
 * Builds the web app into `distDir` when its sources changed since the last
 * build there. Returns the seconds spent (0 when the build was current).
 */
export function ensureBuild(distDir = '.next') {
  const hash = hashInputs(BUILD_INPUTS);
  const stampName = `build-${distDir.replace(/[^\w.-]/g, '_')}`;
  if (readStamp(stampName) === hash && fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return 0;
  const started = Date.now();
  log(`building the web app into ${distDir} (sources changed; a minute or two)…`);
  const res = spawnSync(bin('next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      // `npm run check` type-checks; starting the app must not fail on a type error in a test file.
      NWR_SKIP_BUILD_TYPECHECK: '1',
    },
  });
  if (res.status !== 0) {
    console.error(red(`next build failed (exit ${res.status}).`));
    process.exit(1);
  }
  writeStamp(stampName, hash);
  log(`built in ${seconds(started)}`);
  return (Date.now() - started) / 1000;
}

// ---------------------------------------------------------------------------
// Helpers for tsx scripts and long-running children

/** Runs a TypeScript script with tsx and returns { status, stdout, stderr }. */
export function runTsx(script, args = [], env = process.env) {
  const res = spawnSync(bin('tsx'), [script, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: res.status ?? 1, stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
}

/**
 * Parses the environment through lib/env.ts (scripts/env-check.ts); on a bad
 * value prints the problems and exits 1.
 */
export function checkEnv(env = process.env) {
  const res = runTsx('scripts/env-check.ts', [], env);
  if (res.status !== 0) {
    console.error(red(res.stderr.trim() || 'Invalid configuration.'));
    process.exit(1);
  }
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

/**
 * Starts a long-running child in its own process group, prefixing its output
 * lines with `[name]`. Returns { proc, exited } where exited resolves with
 * { code, signal }.
 */
export function startService(name, cmd, args, env) {
  const proc = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (stream, out) => {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) out.write(line.startsWith(`[${name}]`) ? `${line}\n` : `${dim(`[${name}]`)} ${line}\n`);
    });
  };
  prefix(proc.stdout, process.stdout);
  prefix(proc.stderr, process.stderr);
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { name, proc, exited };
}

/**
 * Runs a long-running child like `startService` and keeps it running: when it
 * exits without `stop()` having been called, the reason (exit code or signal,
 * and its last lines on stderr) is logged and it is started again after a
 * backoff — 1 s, doubling up to 30 s, back to 1 s once it has run for a minute.
 * Other services are not touched. `proc` and `exited` always refer to the
 * current run, so `stopService`/`waitForHttp` work on it as on a plain service;
 * `stop()` ends it for good.
 */
export function superviseService(name, cmd, args, env, opts = {}) {
  const minBackoffMs = opts.minBackoffMs ?? 1_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  const stableMs = opts.stableMs ?? 60_000;
  const say = opts.log ?? log;
  let backoff = minBackoffMs;
  let stopped = false;
  let timer = null;
  let current;
  const supervised = {
    name,
    restarts: 0,
    get proc() {
      return current.proc;
    },
    get exited() {
      return current.exited;
    },
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      await stopService(current, signal, graceMs);
    },
  };
  const run = () => {
    const started = Date.now();
    current = startService(name, cmd, args, env);
    const lastWords = [];
    current.proc.stderr.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lastWords.push(line.trim().slice(0, 300));
        if (lastWords.length > 3) lastWords.shift();
      }
    });
    say(`${name} started (pid ${current.proc.pid})`);
    current.exited.then(({ code, signal }) => {
      if (stopped) return;
      const ranMs = Date.now() - started;
      if (ranMs >= stableMs) backoff = minBackoffMs;
      const why = signal ? `signal ${signal}` : `code ${code}`;
      const words = lastWords.length ? `; last words: ${lastWords.join(' | ')}` : '';
      supervised.restarts++;
      console.error(
        red(
          `${name} exited (${why}) after ${(ranMs / 1000).toFixed(1)} s${words}; restarting in ${(backoff / 1000).toFixed(1)} s (restart ${supervised.restarts})`,
        ),
      );
      timer = setTimeout(() => {
        timer = null;
        if (!stopped) run();
      }, backoff);
      backoff = Math.min(maxBackoffMs, backoff * 2);
    });
  };
  run();
  return supervised;
}

/** Sends `signal` to a service's process group; SIGKILL after `graceMs` if it has not exited. */
export async function stopService(service, signal = 'SIGTERM', graceMs = 10_000) {
  if (service.proc.exitCode !== null || service.proc.signalCode !== null) return;
  try {
    process.kill(-service.proc.pid, signal);
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-service.proc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, graceMs);
  await service.exited;
  clearTimeout(timer);
}

/** Resolves when `url` answers 2xx; rejects when `timeoutMs` passes or a service exits first. */
export async function waitForHttp(url, services, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  for (const s of services) s.exited.then((r) => (exited ??= { name: s.name, ...r }));
  for (;;) {
    if (exited)
      throw new Error(`${exited.name} exited (code ${exited.code}, signal ${exited.signal}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A plain text table. */
export function table(rows, headers) {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [bold(line(headers)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** An address a local health check can reach when the service listens on all interfaces. */
export function localHost(host) {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}
