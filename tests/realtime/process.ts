import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ORIGIN, SECRET, waitFor } from './fixtures';

/**
 * The realtime server as its own process (`server/index.ts`, SQLite in
 * `dataDir`), as the embedded default runs it: one start-up for the suites and
 * harnesses that kill, restart or fuzz it (kill-harness.ts, fuzz-harness.ts,
 * server-write-process.test.ts).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether the realtime server on `port` answers /health (within 5 s). */
export async function realtimeHealthy(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) });
    return r.status === 200;
  } catch {
    return false;
  }
}

/** Server processes started here and still running: killed when this process exits, however it exits. */
const live = new Set<ChildProcess>();
let reaperInstalled = false;
function reapOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/**
 * Starts the realtime server on `port` over the SQLite file in `dataDir` and
 * waits until /health answers (a minute at most; then the process is killed
 * and the wait fails). Its stderr is ignored, passed through, or handed to
 * `stderr` chunk by chunk; `env` adds to or overrides the test environment.
 */
export async function startRealtimeProcess(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  stderr?: 'ignore' | 'inherit' | ((chunk: string) => void);
  label?: string;
}): Promise<ChildProcess> {
  const stderr = opts.stderr ?? 'ignore';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: opts.dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      REALTIME_PORT: String(opts.port),
      REALTIME_HOST: '127.0.0.1',
      APP_URL: ORIGIN,
      NEXTAUTH_SECRET: SECRET,
      LOG_LEVEL: 'error',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', typeof stderr === 'function' ? 'pipe' : stderr],
  });
  reapOnExit(child);
  if (typeof stderr === 'function') child.stderr?.on('data', (d) => stderr(String(d)));
  try {
    await waitFor(() => realtimeHealthy(opts.port), 60_000, opts.label ?? 'server health');
  } catch (err) {
    await stopProcess(child, 'SIGKILL');
    throw err;
  }
  return child;
}

/** Sends `signal` to the process (if it still runs) and waits until it has exited; its exit code. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill(signal);
  return exited;
}
