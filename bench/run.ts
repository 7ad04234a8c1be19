/**
 * `npm run bench`: ours vs @y/websocket-server@0.1.1 vs @hocuspocus/server@4.7.0,
 * side by side in one run (method: /work/shared/REALTIME.md, docs/benchmarks.md).
 *
 * Servers run in child processes pinned to core BENCH_SERVER_CORE (default 0);
 * this load generator re-executes itself pinned to BENCH_CLIENT_CORE (1).
 * Every loop has a count and a time limit; only 127.0.0.1 is contacted.
 *
 * Env: BENCH_QUICK=1 (small grid, 1 repetition), BENCH_REPS, BENCH_SYSTEMS=floor,ours,reference,hocuspocus,
 * BENCH_GRID=50x10,20x50 (only these grid points), BENCH_CONN_TARGET (default 10000), BENCH_SCENARIOS=latency,connections,rooms,coldload,redis,pages,health,exports,
 * BENCH_BUDGET_MIN (default 35: later steps are skipped, with a line, once it is spent; 5 minutes after it
 * the run is cut and what was measured is written).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { System, SystemName } from './lib/clients';
import { startServer, CLIENT_CORE, SERVER_CORE, type ServerHandle } from './lib/procs';
import { runLatency, type LatencyResult } from './lib/latency';
import { runConnections, runRooms, type ConnectionsResult, type RoomsResult } from './lib/capacity';
import { floorSystem, hocuspocusSystem, referenceSystem } from './lib/systems';
import { aggregate } from './lib/stats';
import { realtimeRan, renderMarkdown } from './lib/report';

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
const systemsWanted = (process.env.BENCH_SYSTEMS ?? 'floor,ours,reference,hocuspocus').split(',') as SystemName[];
const scenarios = new Set(
  (process.env.BENCH_SCENARIOS ?? 'latency,connections,rooms,coldload,redis,pages,health,exports').split(','),
);
/** The floor only relays frames: it takes part in the latency grid and nothing else. */
const LATENCY_ONLY: ReadonlySet<SystemName> = new Set(['floor']);
const startedAt = Date.now();
const budgetMs = Number(process.env.BENCH_BUDGET_MIN ?? 35) * 60_000;
const remainingMs = () => budgetMs - (Date.now() - startedAt);
/** A grid point; `rateHz`, `markers` and `warmup` override the defaults (BENCH_RATE, BENCH_MARKERS, 20) for that point. */
interface GridPoint {
  clients: number;
  rooms: number;
  rateHz?: number;
  markers?: number;
  warmup?: number;
}
/**
 * 1,000 connections (issue 7): 50 rooms × 20 clients, each room's writer at 2 updates per second. At 2/s the
 * default 150 markers would take 85 s per repetition; 40 markers after 4 warm-up ones give 50 × 40 × 19 = 38,000
 * arrivals per repetition in ~22 s.
 */
const thousand: GridPoint = { clients: 20, rooms: 50, rateHz: 2, markers: quick ? 20 : 40, warmup: 4 };
const fullGrid: GridPoint[] = quick
  ? [{ clients: 2, rooms: 1 }, { clients: 10, rooms: 10 }, thousand]
  : [...[2, 10, 50].flatMap((clients) => [1, 10].map((rooms) => ({ clients, rooms }))), thousand];
/** BENCH_GRID=50x10,20x50: only these points of the grid (for a focused look; the report says so). */
const grid: GridPoint[] = process.env.BENCH_GRID
  ? process.env.BENCH_GRID.split(',').map((p) => {
      const [clients, rooms] = p.split('x').map(Number);
      const known = [...fullGrid, thousand].find((g) => g.clients === clients && g.rooms === rooms);
      if (!known && !(clients >= 2 && rooms >= 1)) throw new Error(`BENCH_GRID: "${p}" is not <clients>x<rooms>`);
      return known ?? { clients, rooms };
    })
  : fullGrid;
/** Two instances over Redis: the two ends of the grid (ours alone; the references have no multi-instance mode). */
const redisGrid = [
  { clients: 2, rooms: 1 },
  { clients: 10, rooms: 10 },
];
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
  if (name === 'floor') {
    const server = await startServer('floor', 'bench/servers/floor.ts');
    return { sys: floorSystem(server), server };
  }
  if (name === 'ours-redis') {
    const { startOursRedis } = await import('./lib/ours');
    return startOursRedis();
  }
  const { startOurs } = await import('./lib/ours');
  return startOurs();
}

export interface LatencyRow {
  system: SystemName;
  clients: number;
  rooms: number;
  runs: LatencyResult[];
  p50Us: ReturnType<typeof aggregate>;
  p99Us: ReturnType<typeof aggregate>;
  maxUs: ReturnType<typeof aggregate>;
  notDelivered: number;
  /** null: nothing to compare (the floor has no documents). */
  converged: boolean | null;
}

export interface BenchResults {
  date: string;
  command: string;
  machine: { nproc: number; cpu: string; memoryGb: number; node: string; os: string; pinning: string };
  config: Record<string, unknown>;
  latency: LatencyRow[];
  /** Two instances of ours over Redis (writer on A, observers on B); `skipped` says why not measured. */
  redis: { rows: LatencyRow[]; skipped?: string };
  /** The cooperation page benchmark (bench/cooperation.ts): its latest section, or why it is missing. */
  pages: { markdown: string | null; skipped?: string; seconds?: number };
  /** The network health benchmark (bench/health.ts), the same way. */
  health?: { markdown: string | null; skipped?: string; seconds?: number };
  /** The network archive benchmark (bench/exports.ts), the same way. */
  exports?: { markdown: string | null; skipped?: string; seconds?: number };
  /** Wall time per step, seconds (to keep the full run within its budget). */
  durations: Record<string, number>;
  connections: Array<{ system: SystemName; result: ConnectionsResult }>;
  rooms: Array<{ system: SystemName; result: RoomsResult }>;
  coldload: import('./lib/coldload').ColdLoadRow[];
  storedBytes: import('./lib/coldload').StoredBytesRow[];
  load: { before: number[]; after: number[] };
  errors: string[];
}

async function main() {
  const cpus = os.cpus();
  const results: BenchResults = (current = {
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
    redis: { rows: [] },
    pages: { markdown: null },
    durations: {},
    connections: [],
    rooms: [],
    coldload: [],
    storedBytes: [],
    load: { before: os.loadavg(), after: [] },
    errors: [],
  });
  const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

  if (scenarios.has('latency')) await latencyGrid(results, log);
  for (const name of systemsWanted) {
    let started: Started | null = null;
    // The latency grid ran above (all systems at once); rooms and connections run one system at a time.
    if (LATENCY_ONLY.has(name) || !['rooms', 'connections'].some((s) => scenarios.has(s))) continue;
    if (remainingMs() <= 0) {
      skipBudget(results, name, log);
      continue;
    }
    try {
      log(`starting ${name}`);
      started = await start(name);
      const { sys, server } = started;
      if (scenarios.has('rooms')) {
        const t0 = Date.now();
        const result = await runRooms(sys, server, { count: quick ? 200 : 1000, timeLimitMs: 120_000 });
        log(`${name} rooms:`, result);
        results.rooms.push({ system: name, result });
        results.durations[`rooms ${name}`] = Math.round((Date.now() - t0) / 1000);
      }
      if (scenarios.has('connections')) {
        const t0 = Date.now();
        const result = await runConnections(sys, server, {
          target: connTarget,
          roomCount: 100,
          holdMs: quick ? 3_000 : 20_000,
          timeLimitMs: 240_000,
        });
        log(`${name} connections:`, result);
        results.connections.push({ system: name, result });
        results.durations[`connections ${name}`] = Math.round((Date.now() - t0) / 1000);
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

  if (scenarios.has('redis') && systemsWanted.includes('ours')) {
    const t0 = Date.now();
    const { redisReachable, BENCH_REDIS_URL } = await import('./lib/ours');
    if (remainingMs() <= 0) {
      results.redis.skipped = 'time budget spent';
      skipBudget(results, 'redis', log);
    } else if (!(await redisReachable())) {
      results.redis.skipped = `Redis not reachable at ${BENCH_REDIS_URL}`;
      log(`SKIPPING two instances over Redis: nothing answers at ${BENCH_REDIS_URL}`);
    } else {
      let started: Started | null = null;
      try {
        log('starting ours-redis (two instances, writer on A, observers on B)');
        started = await start('ours-redis');
        for (const g of redisGrid)
          results.redis.rows.push(await latencyPoint('ours-redis', started.sys, started.server, g, log));
      } catch (err) {
        const msg = `ours-redis: ${(err as Error).stack ?? err}`;
        log('ERROR', msg);
        results.errors.push(msg);
      } finally {
        await started?.server.stop();
        await started?.cleanup?.();
      }
    }
    results.durations.redis = Math.round((Date.now() - t0) / 1000);
  }

  if (scenarios.has('coldload')) {
    const t0 = Date.now();
    const coldSystems = systemsWanted.filter((s) => !LATENCY_ONLY.has(s));
    if (remainingMs() <= 0) skipBudget(results, 'coldload', log);
    else
      try {
        const { runColdLoad, runStoredBytes } = await import('./lib/coldload');
        results.storedBytes = await runStoredBytes(900, coldSystems, log);
        results.coldload = await runColdLoad(coldSystems, quick, reps, log);
      } catch (err) {
        results.errors.push(`coldload: ${(err as Error).stack ?? err}`);
        log('ERROR coldload', err);
      }
    results.durations.coldload = Math.round((Date.now() - t0) / 1000);
  }

  if (scenarios.has('pages')) {
    const t0 = Date.now();
    if (remainingMs() <= 60_000) {
      results.pages.skipped = 'time budget spent';
      skipBudget(results, 'pages', log);
    } else {
      results.pages = await runPages(Math.min(PAGES_LIMIT_MS, remainingMs()), log);
      if (results.pages.skipped) results.errors.push(`pages: ${results.pages.skipped}`);
    }
    results.durations.pages = Math.round((Date.now() - t0) / 1000);
  }

  if (scenarios.has('health')) {
    const t0 = Date.now();
    if (remainingMs() <= 60_000) {
      results.health = { markdown: null, skipped: 'time budget spent' };
      skipBudget(results, 'health', log);
    } else {
      results.health = await runPages(Math.min(PAGES_LIMIT_MS, remainingMs()), log, 'health');
      if (results.health.skipped) results.errors.push(`health: ${results.health.skipped}`);
    }
    results.durations.health = Math.round((Date.now() - t0) / 1000);
  }

  if (scenarios.has('exports')) {
    const t0 = Date.now();
    if (remainingMs() <= 60_000) {
      results.exports = { markdown: null, skipped: 'time budget spent' };
      skipBudget(results, 'exports', log);
    } else {
      results.exports = await runPages(Math.min(PAGES_LIMIT_MS, remainingMs()), log, 'exports');
      if (results.exports.skipped) results.errors.push(`exports: ${results.exports.skipped}`);
    }
    results.durations.exports = Math.round((Date.now() - t0) / 1000);
  }

  writeReport(results, log);
}

/** Writes the JSON and docs/benchmarks.md (also with partial results, when the time limit cuts the run). */
function writeReport(results: BenchResults, log: (...a: unknown[]) => void): void {
  results.load.after = os.loadavg();
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.date.slice(0, 19).replace(/:/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  // docs/benchmarks.md is the realtime table: only a run that measured realtime rewrites it. A run of only the
  // page scenarios (BENCH_SCENARIOS=pages, health, exports) leaves it alone; those append to their own files.
  if (!realtimeRan(results)) {
    log(`wrote ${file} (no realtime scenario ran: docs/benchmarks.md left as it was)`);
    return;
  }
  const mdPath = path.resolve('docs/benchmarks.md');
  const previous = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
  writeFileSync(mdPath, renderMarkdown(results, path.relative(process.cwd(), file), previous));
  log(`wrote ${file} and docs/benchmarks.md`);
}

/**
 * The latency grid, interleaved: every system's server runs for the whole grid (each pinned to the server core,
 * idle while another is measured), and at each grid point the repetitions alternate between the systems, the
 * order rotated per repetition. So every system meets the same machine state (load from elsewhere, the load
 * generator's warm-up) in turn, instead of one system measured minutes before another.
 */
async function latencyGrid(results: BenchResults, log: (...a: unknown[]) => void): Promise<void> {
  const names = systemsWanted.filter((n) => n !== 'ours-redis');
  const started = new Map<SystemName, Started>();
  const runs = new Map<string, LatencyResult[]>();
  const t0 = Date.now();
  try {
    for (const name of names) {
      try {
        log(`starting ${name}`);
        started.set(name, await start(name));
      } catch (err) {
        const msg = `${name}: ${(err as Error).stack ?? err}`;
        log('ERROR', msg);
        results.errors.push(msg);
      }
    }
    const live = names.filter((n) => started.has(n));
    let turn = 0;
    for (const g of grid) {
      for (let rep = 0; rep < reps; rep++) {
        // Rotated each time: no system is always measured first (or right after the same one).
        const order = live.map((_, i) => live[(i + turn) % live.length]);
        turn++;
        for (const name of order) {
          if (remainingMs() <= 0) {
            skipBudget(results, `latency ${name} ${g.clients}×${g.rooms} rep ${rep + 1}`, log);
            continue;
          }
          const { sys, server } = started.get(name)!;
          try {
            const r = await latencyRun(name, sys, server, g, rep, log);
            const key = `${name} ${g.clients}x${g.rooms}`;
            runs.set(key, [...(runs.get(key) ?? []), r]);
          } catch (err) {
            const msg = `${name} latency ${g.clients}×${g.rooms}: ${(err as Error).stack ?? err}`;
            log('ERROR', msg);
            results.errors.push(msg);
          }
        }
      }
      for (const name of live) {
        const r = runs.get(`${name} ${g.clients}x${g.rooms}`);
        if (r?.length) results.latency.push(latencyRow(name, g, r));
      }
    }
  } finally {
    for (const s of started.values()) {
      await s.server.stop();
      await s.cleanup?.();
    }
    results.durations.latency = Math.round((Date.now() - t0) / 1000);
  }
}

async function latencyRun(
  name: SystemName,
  sys: System,
  server: ServerHandle,
  g: GridPoint,
  rep: number,
  log: (...a: unknown[]) => void,
): Promise<LatencyResult> {
  const r = await runLatency(sys, server, {
    clientsPerRoom: g.clients,
    rooms: g.rooms,
    rateHz: g.rateHz ?? Number(process.env.BENCH_RATE ?? 20),
    warmup: g.warmup ?? 20,
    markers: g.markers ?? Number(process.env.BENCH_MARKERS ?? (quick ? 60 : 150)),
    timeLimitMs: 60_000,
    // Only ours unloads (and compacts) idle rooms; the others are ready for the next run at once.
    settleMs: name === 'ours' || name === 'ours-redis' ? 3_000 : 500,
  });
  log(
    `${name} latency ${g.clients}×${g.rooms} rep ${rep + 1}: p50 ${r.p50Us} µs p99 ${r.p99Us} µs max ${r.maxUs} µs, not delivered ${r.notDelivered}/${r.expected}`,
  );
  return r;
}

function latencyRow(name: SystemName, g: GridPoint, runs: LatencyResult[]): LatencyRow {
  return {
    system: name,
    clients: g.clients,
    rooms: g.rooms,
    runs,
    p50Us: aggregate(runs.map((r) => r.p50Us)),
    p99Us: aggregate(runs.map((r) => r.p99Us)),
    maxUs: aggregate(runs.map((r) => r.maxUs)),
    notDelivered: runs.reduce((s, r) => s + r.notDelivered, 0),
    converged: runs.some((r) => r.converged === null) ? null : runs.every((r) => r.converged),
  };
}

/** One grid point of one system, its repetitions back to back (the two-instance scenario: ours alone). */
async function latencyPoint(
  name: SystemName,
  sys: System,
  server: ServerHandle,
  g: GridPoint,
  log: (...a: unknown[]) => void,
): Promise<LatencyRow> {
  const runs: LatencyResult[] = [];
  for (let rep = 0; rep < reps; rep++) runs.push(await latencyRun(name, sys, server, g, rep, log));
  return latencyRow(name, g, runs);
}

function skipBudget(results: BenchResults, what: string, log: (...a: unknown[]) => void): void {
  const msg = `${what}: skipped, the time budget of ${budgetMs / 60_000} minutes (BENCH_BUDGET_MIN) is spent`;
  log(msg);
  results.errors.push(msg);
}

/** The page benchmark may take this long at most (a production build included when the sources changed). */
const PAGES_LIMIT_MS = 12 * 60_000;

/**
 * The cooperation page benchmark, unchanged: `bench/cooperation.ts` in its own process on ALL cores (as when
 * run by hand; this process is pinned to one), which appends a run to docs/benchmarks-cooperation.md. Its
 * latest section is copied into the report.
 */
async function runPages(
  limitMs: number,
  log: (...a: unknown[]) => void,
  which: 'cooperation' | 'health' | 'exports' = 'cooperation',
): Promise<BenchResults['pages']> {
  const history = path.resolve(`docs/benchmarks-${which}.md`);
  const before = existsSync(history) ? readFileSync(history, 'utf8') : '';
  const t0 = Date.now();
  const allCores = `0-${os.cpus().length - 1}`;
  const nodeArgs = ['--import', 'tsx', path.resolve(`bench/${which}.ts`)];
  const [cmd, args] = existsSync('/usr/bin/taskset')
    ? ['/usr/bin/taskset', ['-c', allCores, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  log(`${which}: running bench/${which}.ts (20,000-entry network, server time and Chromium)`);
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: undefined } });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.once('exit', (c, sig) => {
      clearTimeout(timer);
      resolve(c ?? sig ?? 'unknown');
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
  });
  const seconds = Math.round((Date.now() - t0) / 1000);
  const after = existsSync(history) ? readFileSync(history, 'utf8') : '';
  if (code !== 0 || after.length <= before.length) {
    return { markdown: null, seconds, skipped: `bench/${which}.ts ended with ${code} after ${seconds} s` };
  }
  const added = after.slice(before.length);
  const at = added.indexOf('## Run ');
  return { markdown: (at >= 0 ? added.slice(at) : added).trim(), seconds };
}

/** The run so far (written out by the watchdog if the hard limit cuts it). */
let current: BenchResults | null = null;
/** Hard limit: the budget (later steps skipped) plus the longest single step that may still be running. */
const watchdog = setTimeout(
  () => {
    console.error('bench: hard time limit reached; writing what was measured');
    if (current) {
      current.errors.push(
        `the hard time limit (BENCH_TIME_LIMIT_MS) cut the run after ${Math.round((Date.now() - startedAt) / 60_000)} minutes`,
      );
      writeReport(current, console.log);
    }
    process.exit(2);
  },
  Number(process.env.BENCH_TIME_LIMIT_MS ?? budgetMs + 5 * 60_000),
);
watchdog.unref();
await main();
process.exit(0);
