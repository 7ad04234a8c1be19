/**
 * Starts a benchmarked server in a child process pinned to one core (taskset),
 * with an IPC channel for metrics. The load generator runs on the other core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerMetrics } from './child-metrics';

export const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0';
export const CLIENT_CORE = process.env.BENCH_CLIENT_CORE ?? '1';
const hasTaskset = existsSync('/usr/bin/taskset');

export interface ServerHandle {
  name: string;
  port: number;
  child: ChildProcess;
  extra: Record<string, unknown>;
  request<T = unknown>(type: 'metrics' | 'gc' | 'resetDelay'): Promise<T>;
  metrics(): Promise<ServerMetrics>;
  stop(): Promise<void>;
  /** SIGKILL: no graceful flush or compaction (for cold-load measurements of an uncompacted log). */
  kill(): Promise<void>;
}

/** Spawns `node --expose-gc --import tsx <file>` pinned to SERVER_CORE; resolves once it reports its port. */
export async function startServer(
  name: string,
  file: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ServerHandle> {
  // BENCH_NODE_ARGS: extra flags for the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile.
  const extraArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const nodeArgs = ['--expose-gc', '--max-old-space-size=4096', ...extraArgs, '--import', 'tsx', path.resolve(file)];
  const cmd = hasTaskset ? '/usr/bin/taskset' : process.execPath;
  const args = hasTaskset ? ['-c', SERVER_CORE, process.execPath, ...nodeArgs] : nodeArgs;
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  const readyMsg = await new Promise<{ port: number } & Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready within ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (msg: { ready?: boolean; port?: number; id?: number; data?: unknown }) => {
      if (msg?.ready) {
        clearTimeout(timer);
        resolve(msg as { port: number });
      } else if (typeof msg?.id === 'number') {
        pending.get(msg.id)?.(msg.data);
        pending.delete(msg.id);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with ${code} before ready`));
    });
  });
  const request = <T>(type: 'metrics' | 'gc' | 'resetDelay') =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${name}: no answer to ${type}`)), 30_000);
      pending.set(id, (v) => {
        clearTimeout(timer);
        resolve(v as T);
      });
      child.send({ id, type });
    });
  const { port, ...extra } = readyMsg;
  return {
    name,
    port,
    child,
    extra,
    request,
    metrics: () => request<ServerMetrics>('metrics'),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
