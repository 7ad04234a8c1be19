import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@/tests/helpers/app-server';

/**
 * `npm start` supervises its processes: the real scripts/start.mjs runs the
 * realtime server and the job runner (SERVICES=realtime,worker: no web build
 * needed), we kill -9 the realtime server's Node process and watch it come
 * back while the job runner keeps its pid.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-supervise-'));
let sup: ChildProcess | undefined;
let out = '';
afterAll(async () => {
  if (sup?.pid && sup.exitCode === null) {
    sup.kill('SIGTERM');
    await new Promise((r) => sup!.once('exit', r));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The Node process that runs the code: tsx starts it as its child (beside, maybe, an esbuild service). */
function serverOf(tsxPid: number): number {
  const r = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(tsxPid)], { encoding: 'utf8' });
  const node = r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([, comm]) => comm === 'node');
  if (!node) throw new Error(`no node child under tsx ${tsxPid}: ${r.stdout}`);
  return Number(node[0]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start supervises its processes', { timeout: 180_000 }, () => {
  it('refuses an unknown process name in SERVICES, naming the variable', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/env-check.ts'], {
      cwd: ROOT,
      env: { ...process.env, SERVICES: 'web,mailer' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SERVICES: must list some of web, realtime, worker');
  });

  it('restarts a process killed with SIGKILL, logs why, and leaves the others running', async () => {
    const rtPort = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(VITEST|NODE_ENV$|DATABASE_URL$|REDIS_URL$|PORT$|DATA_DIR$)/.test(k),
      ),
    );
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...env,
        SERVICES: 'realtime,worker',
        DATA_DIR: path.join(tmp, 'data'),
        REALTIME_PORT: String(rtPort),
        REALTIME_HOST: '127.0.0.1',
        SEED_DEMO: 'no',
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        NO_COLOR: '1',
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    sup = child;
    child.stdout!.on('data', (c) => (out += c.toString()));
    child.stderr!.on('data', (c) => (out += c.toString()));
    const pidOf = (name: string, nth = 0) => {
      const all = [...out.matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
      return all[nth];
    };

    await until('start-up', () => out.includes('Netzwerkraum is running'));
    expect(out).toContain('Jobs:      job runner (worker/)');
    const health = () =>
      fetch(`http://127.0.0.1:${rtPort}/health`)
        .then((r) => r.ok)
        .catch(() => false);
    expect(await health()).toBe(true);
    const realtime = pidOf('realtime');
    const worker = pidOf('worker');
    expect(alive(worker)).toBe(true);

    // The realtime server's own Node process dies as from a fatal V8 error or the OOM killer.
    process.kill(serverOf(realtime), 'SIGKILL');

    await until('the restart notice', () =>
      /realtime exited \([^)]*\) after [\d.]+ s.*restarting in 1\.0 s \(restart 1\)/.test(out),
    );
    const again = await until('a new realtime process', () => pidOf('realtime', 1));
    expect(again).not.toBe(realtime);
    await until('realtime answering again', health);

    // The job runner was not touched, and the supervisor is still there.
    expect(pidOf('worker', 1)).toBeUndefined();
    expect(alive(worker)).toBe(true);
    expect(out).not.toMatch(/worker exited/);
    expect(child.exitCode).toBeNull();

    // Ctrl-C still stops everything, and nothing is restarted then.
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    await until('children gone', () => !alive(worker) && !alive(again), 15_000);
    expect(out).not.toMatch(/restart 2/);
  });
});
