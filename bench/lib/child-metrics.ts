/**
 * Runs inside a benchmarked server process: answers metric requests from the
 * load generator over the IPC channel (RSS, heap, CPU time, event-loop delay),
 * so measuring never goes through the sockets under test.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ServerMetrics {
  rss: number;
  heapUsed: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export type ChildRequest = { id: number; type: 'metrics' | 'gc' | 'resetDelay' | 'exit' };

/** Installs the IPC metrics responder; `ready(port)` tells the parent where to connect. */
export function installMetrics(): { ready: (port: number, extra?: Record<string, unknown>) => void } {
  // 1 ms sampling (the same in every benchmarked process): a coarser timer cannot resolve the
  // sub-10 ms stalls that decide a p99 of a few milliseconds.
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  process.on('message', (msg: ChildRequest) => {
    if (!msg || typeof msg !== 'object') return;
    const reply = (data: unknown) => process.send?.({ id: msg.id, data });
    switch (msg.type) {
      case 'gc': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc) {
          gc();
          gc();
        }
        setTimeout(() => reply(true), 50);
        return;
      }
      case 'resetDelay':
        h.reset();
        reply(true);
        return;
      case 'metrics': {
        const m = process.memoryUsage();
        const c = process.cpuUsage();
        const out: ServerMetrics = {
          rss: m.rss,
          heapUsed: m.heapUsed,
          cpuUserUs: c.user,
          cpuSystemUs: c.system,
          eventLoopDelayP50Ms: h.percentile(50) / 1e6,
          eventLoopDelayP99Ms: h.percentile(99) / 1e6,
          eventLoopDelayMaxMs: h.max / 1e6,
        };
        reply(out);
        return;
      }
      case 'exit':
        reply(true);
        setTimeout(() => process.exit(0), 20);
        return;
    }
  });
  process.on('disconnect', () => process.exit(0));
  return { ready: (port, extra) => process.send?.({ ready: true, port, ...extra }) };
}
