import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INPUTS, sourceHash as hashSources } from '../../scripts/build-hash.mjs';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/**
 * Runs the REAL app for integration and end-to-end tests: a production build
 * served by `next start`, the realtime process, the job runner (which sends
 * the mail), a fresh data folder and a real SMTP sink. Nothing is mocked.
 *
 *   const app = await startApp();
 *   … fetch(`${app.url}/api/health`) …
 *   await app.stop();
 *
 * Each build lives in its own folder `.next-test-<hash>` named after the
 * hash of its sources, and is never changed once stamped: several test runs
 * in one working tree (other engineers, other workers) can each keep serving
 * their build while a newer one is made. A lock file keeps two processes from
 * building at once; folders nobody uses any more are removed.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_PREFIX = '.next-test-';
const LOCK = path.join(ROOT, '.next-test.lock');
/** A tsconfig for test builds only: Next adds its distDir's type globs to it, never to tsconfig.json. */
const BUILD_TSCONFIG = '.next-test-tsconfig.json';
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** The build folder (relative to the repo) for a source hash. */
export function distDirFor(hash: string): string {
  return `${DIST_PREFIX}${hash.slice(0, 16)}`;
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** e.g. ws://127.0.0.1:41235 (no trailing slash) */
  realtimeUrl: string;
  /** The app's DATA_DIR (SQLite file, outbox, secret). */
  dataDir: string;
  /** The SMTP sink the app sends mail to. */
  smtp: SmtpSink;
  /** Where the children's output goes (web.log, realtime.log, worker.log). */
  logDir: string;
  /** The lines the children logged that mention an error (for a test run's summary). */
  errorLines(): string[];
  /** Kills the processes and removes the temp folder. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Extra or overriding environment for both processes (e.g. DATABASE_URL, REDIS_URL). */
  env?: Record<string, string>;
}

const log = (msg: string) => process.stderr.write(`[app-server] ${msg}\n`);

// ---------------------------------------------------------------------------
// Build (once, when stale)

/** A hash of everything the production build depends on (the list lives in scripts/build-hash.mjs). */
export function sourceHash(root = ROOT, inputs: readonly string[] = BUILD_INPUTS): string {
  return hashSources(root, inputs);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(LOCK, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = 0;
      let ageMs = 0;
      try {
        holder = Number(fs.readFileSync(LOCK, 'utf8').trim() || '0');
        ageMs = Date.now() - fs.statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      // A dead holder, or an empty lock older than 10 s (its writer died before writing its pid), is stale.
      if ((holder && !pidAlive(holder)) || (!holder && ageMs > 10_000)) {
        log(`removing stale build lock of process ${holder}`);
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (!announced) log(`waiting for the build in process ${holder || '?'} to finish…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

function stampOf(distDir: string): string {
  try {
    if (!fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return '';
    return fs.readFileSync(path.join(ROOT, distDir, 'nwr-build-stamp'), 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Claims live outside the build folders (`next build` empties its folder):
 * `.next-test-claims/<distDir>--<pid>-<random>`.
 */
const CLAIMS = path.join(ROOT, '.next-test-claims');

/** Marks `distDir` as in use by this process until `release` is called (or the process dies). */
function claim(distDir: string): () => void {
  fs.mkdirSync(CLAIMS, { recursive: true });
  const file = path.join(CLAIMS, `${distDir}--${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function inUse(distDir: string): boolean {
  let files: string[] = [];
  try {
    files = fs.readdirSync(CLAIMS);
  } catch {
    return false;
  }
  return files.some((f) => {
    if (!f.startsWith(`${distDir}--`)) return false;
    if (pidAlive(Number(f.slice(distDir.length + 2).split('-')[0]))) return true;
    fs.rmSync(path.join(CLAIMS, f), { force: true }); // left behind by a process that died
    return false;
  });
}

/** Removes build folders other than `keep` that no live process uses. Call under the build lock. */
function collectGarbage(keep: string): void {
  for (const name of fs.readdirSync(ROOT)) {
    if (!name.startsWith(DIST_PREFIX) || name === keep || !/^[.]next-test-[0-9a-f]{16}$/.test(name)) continue;
    if (inUse(name)) continue;
    fs.rmSync(path.join(ROOT, name), { recursive: true, force: true });
  }
}

/**
 * Makes sure a production build of the current sources exists and returns
 * its folder (relative to the repo), claimed for this process: call the
 * returned `release` when the server using it has stopped. Safe to call from
 * several processes at once.
 */
export async function ensureBuilt(): Promise<{ distDir: string; release: () => void }> {
  const hash = sourceHash();
  const distDir = distDirFor(hash);
  const release = claim(distDir); // before checking, so garbage collection elsewhere leaves it alone
  if (stampOf(distDir) === hash) return { distDir, release };
  try {
    await withBuildLock(async () => {
      if (stampOf(distDir) === hash) return; // built by another process while we waited
      collectGarbage(distDir);
      const started = Date.now();
      log(`building the app into ${distDir} (sources changed; takes a minute or more on a busy machine)…`);
      fs.writeFileSync(path.join(ROOT, BUILD_TSCONFIG), JSON.stringify({ extends: './tsconfig.json' }, null, 2) + '\n');
      const buildData = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-build-data-'));
      const buildLog = path.join(ROOT, '.next-test-build.log');
      const out = fs.openSync(buildLog, 'w');
      const child = spawn(BIN('next'), ['build'], {
        cwd: ROOT,
        env: {
          ...baseEnv(),
          NODE_ENV: 'production',
          NEXT_DIST_DIR: distDir,
          DATA_DIR: buildData,
          // Types are checked by `npm run check`; the test build need not repeat it.
          NWR_SKIP_BUILD_TYPECHECK: '1',
          NWR_TSCONFIG: BUILD_TSCONFIG,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const progress = (chunk: Buffer) => {
        fs.writeSync(out, chunk);
        for (const line of chunk.toString().split('\n')) {
          if (/^\s*(✓|▲|Creating|Compil|Generating|Finalizing|Collecting|Failed|Error|Type error)/.test(line))
            log(`  build: ${line.trim()}`);
        }
      };
      child.stdout!.on('data', progress);
      child.stderr!.on('data', progress);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      fs.closeSync(out);
      fs.rmSync(buildData, { recursive: true, force: true });
      if (code !== 0) {
        throw new Error(`next build failed (exit ${code}). Last lines of ${buildLog}:\n${tail(buildLog, 60)}`);
      }
      fs.writeFileSync(path.join(ROOT, distDir, 'nwr-build-stamp'), hash);
      log(`build done in ${Math.round((Date.now() - started) / 1000)} s`);
    });
  } catch (err) {
    release();
    throw err;
  }
  return { distDir, release };
}

// ---------------------------------------------------------------------------
// Processes

/** The parent's environment without variables that must not leak into the app. */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (
      /^(VITEST|VITE_|TEST_|PLAYWRIGHT|PW_|NEXT_DIST_DIR$|DATABASE_URL$|REDIS_URL$|DATA_DIR$|PORT$|NODE_OPTIONS$)/.test(
        k,
      )
    )
      continue;
    if (k === 'TEST' || k === 'NODE_ENV') continue;
    out[k] = v;
  }
  out.NEXT_TELEMETRY_DISABLED = '1';
  return out;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface Child {
  name: string;
  proc: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  exitCode: number | null | undefined;
}

function startChild(name: string, cmd: string, args: string[], env: Record<string, string>, logFile: string): Child {
  const fd = fs.openSync(logFile, 'a');
  const stdio: StdioOptions = ['ignore', fd, fd];
  const proc = spawn(cmd, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio, detached: true });
  fs.closeSync(fd);
  const child: Child = { name, proc, logFile, exitCode: undefined, exited: Promise.resolve(null) };
  child.exited = new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      child.exitCode = code ?? (signal ? -1 : null);
      resolve(code);
    }),
  );
  live.add(child);
  return child;
}

/** Every child still running, so an abrupt exit of the test process does not leave servers behind. */
const live = new Set<Child>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) {
      try {
        process.kill(-c.proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

async function killChild(c: Child): Promise<void> {
  if (c.exitCode === undefined && c.proc.pid) {
    try {
      process.kill(-c.proc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-c.proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await c.exited;
    clearTimeout(timer);
  }
  live.delete(c);
}

async function waitUntilAnswers(url: string, children: Child[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    for (const c of children) {
      if (c.exitCode !== undefined) {
        throw new Error(
          `${c.name} exited (code ${c.exitCode}) during start-up. Last lines of ${c.logFile}:\n${tail(c.logFile)}`,
        );
      }
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) {
      const logs = children.map((c) => `--- ${c.logFile}\n${tail(c.logFile)}`).join('\n');
      throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last: ${lastError}).\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Builds if needed, then starts web + realtime with a fresh DATA_DIR (SQLite,
 * unless `opts.env.DATABASE_URL` is given), a random NEXTAUTH_SECRET and a
 * fresh SMTP sink. Resolves when both answer their health checks.
 */
export async function startApp(opts: StartAppOptions = {}): Promise<RunningApp> {
  installExitHook();
  const build = await ensureBuilt();
  if (!fs.existsSync(path.join(ROOT, build.distDir, 'BUILD_ID'))) {
    build.release();
    throw new Error(`the build in ${build.distDir} is incomplete (no BUILD_ID); see .next-test-build.log`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const app = await startOnce(build.distDir, opts);
      return {
        ...app,
        stop: async () => {
          await app.stop();
          build.release();
        },
      };
    } catch (err) {
      // A free port can be taken by another process between our probe and the server's listen: try new ones.
      if (attempt < 3 && /EADDRINUSE/.test((err as Error).message)) {
        log('a port was taken meanwhile; starting again on other ports');
        continue;
      }
      build.release();
      throw err;
    }
  }
}

/**
 * Kills the servers' process groups and removes the temp folder if the test process dies without calling
 * stop() (e.g. SIGKILL by a timeout), so no server outlives its test run.
 */
const WATCHDOG = `
const [parent, tmp, ...groups] = process.argv.slice(1);
const timer = setInterval(() => {
  try { process.kill(Number(parent), 0); } catch {
    clearInterval(timer);
    for (const g of groups) { try { process.kill(-Number(g), 'SIGKILL'); } catch {} }
    setTimeout(() => { require('fs').rmSync(tmp, { recursive: true, force: true }); process.exit(0); }, 500);
  }
}, 1000);
`;

async function startOnce(distDir: string, opts: StartAppOptions): Promise<RunningApp> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-app-'));
  const dataDir = path.join(tmp, 'data');
  fs.mkdirSync(dataDir);
  const smtp = await startSmtpSink({ dir: path.join(tmp, 'mail') });
  const [webPort, rtPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${webPort}`;
  const realtimeUrl = `ws://127.0.0.1:${rtPort}`;
  const env: Record<string, string> = {
    ...baseEnv(),
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    PORT: String(webPort),
    HOST: '127.0.0.1',
    REALTIME_PORT: String(rtPort),
    REALTIME_HOST: '127.0.0.1',
    APP_URL: url,
    NEXTAUTH_URL: url,
    REALTIME_URL: realtimeUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    SMTP_URL: smtp.url,
    TRUST_PROXY: '1',
    SEED_DEMO: 'no',
    LOG_LEVEL: 'warn',
    JOBS_POLL_MS: '100',
    ...opts.env,
  };
  const children: Child[] = [];
  let watchdog: ChildProcess | undefined;
  const stop = async () => {
    watchdog?.kill('SIGKILL');
    await Promise.all(children.map(killChild));
    await smtp.close();
    if (process.env.NWR_KEEP_TEST_TMP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    children.push(
      startChild(
        'web',
        BIN('next'),
        ['start', '-p', String(webPort), '-H', '127.0.0.1'],
        env,
        path.join(tmp, 'web.log'),
      ),
    );
    const hasRealtime = fs.existsSync(path.join(ROOT, 'server', 'index.ts'));
    if (hasRealtime) {
      children.push(startChild('realtime', BIN('tsx'), ['server/index.ts'], env, path.join(tmp, 'realtime.log')));
    }
    // The job runner sends the mail that commands enqueue (docs/jobs.md).
    children.push(startChild('worker', BIN('tsx'), ['worker/index.ts'], env, path.join(tmp, 'worker.log')));
    watchdog = spawn(
      process.execPath,
      ['-e', WATCHDOG, String(process.pid), tmp, ...children.map((c) => String(c.proc.pid))],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    watchdog.unref();
    await waitUntilAnswers(`${url}/api/health`, children, 120_000);
    if (hasRealtime) await waitUntilAnswers(`http://127.0.0.1:${rtPort}/health`, children, 120_000);
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
  const errorLines = () =>
    children.flatMap((c) => {
      try {
        return fs
          .readFileSync(c.logFile, 'utf8')
          .split('\n')
          .filter((l) => /error|unhandled|exception/i.test(l))
          .map((l) => `${c.name}: ${l}`);
      } catch {
        return [];
      }
    });
  return { url, realtimeUrl, dataDir, smtp, logDir: tmp, errorLines, stop };
}

/** For scripts: `tsx tests/helpers/app-server.ts` builds if stale and prints where the app runs. */
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const app = await startApp();
  console.log(JSON.stringify({ url: app.url, realtimeUrl: app.realtimeUrl, mail: app.smtp.dir, logs: app.logDir }));
  const bye = () => void app.stop().then(() => process.exit(0));
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
}
