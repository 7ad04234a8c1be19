/**
 * `npm run bench`: ours vs @y/websocket-server@0.1.1 vs @hocuspocus/server@4.7.0,
 * side by side in one run (method: /work/shared/REALTIME.md, docs/benchmarks.md).
 *
 * Servers run in child processes pinned to core BENCH_SERVER_CORE (default 0);
 * this load generator re-executes itself pinned to BENCH_CLIENT_CORE (1).
 * Every loop has a count and a time limit; only 127.0.0.1 is contacted.
 *
 * Env: BENCH_QUICK=1 (small grid, 1 repetition), BENCH_REPS, BENCH_SYSTEMS=ours,reference,hocuspocus,
 * BENCH_CONN_TARGET (default 10000), BENCH_SCENARIOS=latency,connections,rooms,coldload.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { System, SystemName } from './lib/clients';
import { startServer, CLIENT_CORE, SERVER_CORE, type ServerHandle } from './lib/procs';
import { runLatency, type LatencyResult } from './lib/latency';
import { runConnections, runRooms, type ConnectionsResult, type RoomsResult } from './lib/capacity';
import { hocuspocusSystem, referenceSystem } from './lib/systems';
import { aggregate } from './lib/stats';
import { renderMarkdown } from './lib/report';

if (!process.env.BENCH_PINNED && existsSync('/usr/bin/taskset')) {
  const r = spawnSync(
    '/usr/bin/taskset',
    ['-c', CLIENT_CORE, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(r.status ?? 1);
}

process.setMaxListeners(0);
const quick = process.env.BENCH_QUICK === '1';
const reps = Number(process.env.BENCH_REPS ?? (quick ? 1 : 3));
const systemsWanted = (process.env.BENCH_SYSTEMS ?? 'ours,reference,hocuspocus').split(',') as SystemName[];
const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'latency,connections,rooms,coldload').split(','));
const grid = quick
  ? [
      { clients: 2, rooms: 1 },
      { clients: 10, rooms: 10 },
    ]
  : [2, 10, 50].flatMap((clients) => [1, 10].map((rooms) => ({ clients, rooms })));
const connTarget = Number(process.env.BENCH_CONN_TARGET ?? (quick ? 2000 : 10_000));

interface Started {
  sys: System;
  server: ServerHandle;
  cleanup?: () => Promise<void>;
}

async function start(name: SystemName): Promise<Started> {
  if (name === 'reference') {
    const server = await startServer('reference', 'bench/servers/reference.ts');
    return { sys: referenceSystem(server), server };
  }
  if (name === 'hocuspocus') {
    const server = await startServer('hocuspocus', 'bench/servers/hocuspocus.ts');
    return { sys: hocuspocusSystem(server), server };
  }
  const { startOurs } = await import('./lib/ours');
  return startOurs();
}

export interface BenchResults {
  date: string;
  command: string;
  machine: { nproc: number; cpu: string; memoryGb: number; node: string; os: string; pinning: string };
  config: Record<string, unknown>;
  latency: Array<{
    system: SystemName;
    clients: number;
    rooms: number;
    runs: LatencyResult[];
    p50Us: ReturnType<typeof aggregate>;
    p99Us: ReturnType<typeof aggregate>;
    maxUs: ReturnType<typeof aggregate>;
    notDelivered: number;
    converged: boolean;
  }>;
  connections: Array<{ system: SystemName; result: ConnectionsResult }>;
  rooms: Array<{ system: SystemName; result: RoomsResult }>;
  coldload: import('./lib/coldload').ColdLoadRow[];
  storedBytes: import('./lib/coldload').StoredBytesRow[];
  load: { before: number[]; after: number[] };
  errors: string[];
}

async function main() {
  const cpus = os.cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    command: `${Object.entries(process.env)
      .filter(([k]) => k.startsWith('BENCH_') && k !== 'BENCH_PINNED')
      .map(([k, v]) => `${k}=${v} `)
      .join('')}npm run bench`,
    machine: {
      nproc: cpus.length,
      cpu: cpus[0]?.model ?? 'unknown',
      memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      pinning: existsSync('/usr/bin/taskset')
        ? `taskset: servers on core ${SERVER_CORE}, load generator on core ${CLIENT_CORE}`
        : 'none (no taskset): servers and load generator share the cores',
    },
    config: { quick, reps, grid, connTarget, systems: systemsWanted, scenarios: [...scenarios] },
    latency: [],
    connections: [],
    rooms: [],
    coldload: [],
    storedBytes: [],
    load: { before: os.loadavg(), after: [] },
    errors: [],
  };
  const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

  for (const name of systemsWanted) {
    let started: Started | null = null;
    try {
      log(`starting ${name}`);
      started = await start(name);
      const { sys, server } = started;
      if (scenarios.has('latency')) {
        for (const g of grid) {
          const runs: LatencyResult[] = [];
          for (let rep = 0; rep < reps; rep++) {
            const r = await runLatency(sys, server, {
              clientsPerRoom: g.clients,
              rooms: g.rooms,
              rateHz: Number(process.env.BENCH_RATE ?? 20),
              warmup: 20,
              markers: Number(process.env.BENCH_MARKERS ?? (quick ? 60 : 150)),
              timeLimitMs: 60_000,
            });
            log(
              `${name} latency ${g.clients}×${g.rooms} rep ${rep + 1}: p50 ${r.p50Us} µs p99 ${r.p99Us} µs max ${r.maxUs} µs, not delivered ${r.notDelivered}/${r.expected}`,
            );
            runs.push(r);
          }
          results.latency.push({
            system: name,
            clients: g.clients,
            rooms: g.rooms,
            runs,
            p50Us: aggregate(runs.map((r) => r.p50Us)),
            p99Us: aggregate(runs.map((r) => r.p99Us)),
            maxUs: aggregate(runs.map((r) => r.maxUs)),
            notDelivered: runs.reduce((s, r) => s + r.notDelivered, 0),
            converged: runs.every((r) => r.converged),
          });
        }
      }
      if (scenarios.has('rooms')) {
        const result = await runRooms(sys, server, { count: quick ? 200 : 1000, timeLimitMs: 120_000 });
        log(`${name} rooms:`, result);
        results.rooms.push({ system: name, result });
      }
      if (scenarios.has('connections')) {
        const result = await runConnections(sys, server, {
          target: connTarget,
          roomCount: 100,
          holdMs: quick ? 3_000 : 20_000,
          timeLimitMs: 240_000,
        });
        log(`${name} connections:`, result);
        results.connections.push({ system: name, result });
      }
    } catch (err) {
      const msg = `${name}: ${(err as Error).stack ?? err}`;
      log('ERROR', msg);
      results.errors.push(msg);
    } finally {
      await started?.server.stop();
      await started?.cleanup?.();
    }
  }

  if (scenarios.has('coldload')) {
    try {
      const { runColdLoad, runStoredBytes } = await import('./lib/coldload');
      results.storedBytes = await runStoredBytes(900, systemsWanted, log);
      results.coldload = await runColdLoad(systemsWanted, quick, reps, log);
    } catch (err) {
      results.errors.push(`coldload: ${(err as Error).stack ?? err}`);
      log('ERROR coldload', err);
    }
  }

  results.load.after = os.loadavg();
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.date.slice(0, 19).replace(/:/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  const mdPath = path.resolve('docs/benchmarks.md');
  const previous = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
  writeFileSync(mdPath, renderMarkdown(results, path.relative(process.cwd(), file), previous));
  log(`wrote ${file} and docs/benchmarks.md`);
}

const watchdog = setTimeout(
  () => {
    console.error('bench: global time limit reached');
    process.exit(2);
  },
  Number(process.env.BENCH_TIME_LIMIT_MS ?? 60 * 60_000),
);
watchdog.unref();
await main();
process.exit(0);
