/**
 * Propagation latency: in each room one real writer inserts unique markers on
 * an open-loop schedule; every other client (one real observer for
 * convergence, the rest raw observers) timestamps the marker's arrival.
 */
import type { ServerHandle } from './procs';
import { markersIn, openRaw, openReal, updateFrame, type RawConn, type RealClient, type System } from './clients';
import { nowUs, pool, sleep, summarize, waitFor } from './stats';

export interface LatencyOptions {
  clientsPerRoom: number;
  rooms: number;
  /** Markers per second per room writer. */
  rateHz: number;
  /** Markers per room (measured), after `warmup` unmeasured ones. */
  markers: number;
  warmup: number;
  /** Hard bound on the whole run. */
  timeLimitMs: number;
  /** Pause after the run so the server can unload the rooms (ours unloads idle rooms after 2 s). */
  settleMs?: number;
}

export interface LatencyResult {
  p50Us: number;
  p99Us: number;
  maxUs: number;
  expected: number;
  delivered: number;
  notDelivered: number;
  /** The real observer's text equals the writer's (null for a bare relay: no documents). */
  converged: boolean | null;
  serverCpuMs: number;
  eventLoopP99Ms: number;
  connectFailures: number;
}

export async function runLatency(sys: System, server: ServerHandle, o: LatencyOptions): Promise<LatencyResult> {
  const deadline = Date.now() + o.timeLimitMs;
  const rooms = await sys.makeRooms(o.rooms);
  const sent: Array<Map<number, number>> = rooms.map(() => new Map());
  const latencies: number[] = [];
  let delivered = 0;
  let measuring = false;
  let connectFailures = 0;
  const record = (r: number, seen: Set<number>, data: Uint8Array) => {
    const t = nowUs();
    for (const seq of markersIn(data)) {
      if (seen.has(seq)) continue;
      seen.add(seq);
      const t0 = sent[r].get(seq);
      if (t0 === undefined || !measuring || seq < o.warmup) continue;
      latencies.push(t - t0);
      delivered++;
    }
  };

  const writers: RealClient[] = [];
  const rawWriters: RawConn[] = [];
  const realObservers: RealClient[] = [];
  const raws: RawConn[] = [];
  let observersPerRoom = 0;
  const relay = sys.relayOnly === true;
  const writerEndpoint = (room: string) => (sys.writerEndpoint ?? sys.endpoint)(room);
  try {
    for (let r = 0; r < rooms.length; r++) {
      if (relay) {
        // No Yjs anywhere: the writer is a raw client too; observers below are all raw.
        rawWriters[r] = await openRaw(sys, rooms[r], await writerEndpoint(rooms[r]), null);
        continue;
      }
      writers[r] = await openReal(sys, rooms[r], await writerEndpoint(rooms[r]));
      if (o.clientsPerRoom >= 2) {
        const obs = await openReal(sys, rooms[r], await sys.endpoint(rooms[r]));
        const seen = new Set<number>();
        obs.doc.on('update', (u: Uint8Array) => record(r, seen, u));
        realObservers[r] = obs;
      }
    }
    observersPerRoom = Math.max(0, o.clientsPerRoom - 1);
    const rawJobs: number[] = [];
    const rawPerRoom = relay ? o.clientsPerRoom - 1 : o.clientsPerRoom - 2;
    for (let r = 0; r < rooms.length; r++) for (let i = 0; i < rawPerRoom; i++) rawJobs.push(r);
    await pool(rawJobs, 50, async (r) => {
      const seen = new Set<number>();
      try {
        raws.push(await openRaw(sys, rooms[r], await sys.endpoint(rooms[r]), (d) => record(r, seen, d)));
      } catch {
        connectFailures++;
      }
    });

    await server.request('resetDelay');
    const cpu0 = await server.metrics();
    const periodMs = 1000 / o.rateHz;
    const total = o.warmup + o.markers;
    const start = performance.now() + 50;
    measuring = true;
    // Open loop: marker k of room r is due at start + (k + r/M)·period, whatever happened before.
    await Promise.all(
      rooms.map(async (_room, r) => {
        for (let k = 0; k < total && Date.now() < deadline; k++) {
          const due = start + (k + r / rooms.length) * periodMs;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait - 0.5);
          while (performance.now() < due) {
            /* spin the last half millisecond for an accurate send time */
          }
          if (relay) {
            const frame = updateFrame(sys.protocol, rooms[r], Buffer.from(`~M${k}~`, 'latin1'));
            sent[r].set(k, nowUs());
            rawWriters[r].send(frame);
            continue;
          }
          const w = writers[r];
          sent[r].set(k, nowUs());
          w.text.insert(w.text.length, `~M${k}~`);
        }
      }),
    );
    const expected = rooms.length * o.markers * observersPerRoom;
    await waitFor(() => delivered >= expected, Math.min(5_000, Math.max(0, deadline - Date.now())));
    const cpu1 = await server.metrics();
    let converged = true;
    for (let r = 0; r < rooms.length && !relay; r++) {
      const obs = realObservers[r];
      if (obs && !(await waitFor(() => obs.text.toString() === writers[r].text.toString(), 3_000))) converged = false;
    }
    const s = summarize(latencies);
    return {
      p50Us: s.p50,
      p99Us: s.p99,
      maxUs: s.max,
      expected,
      delivered,
      notDelivered: Math.max(0, expected - delivered),
      converged: relay ? null : converged,
      serverCpuMs: (cpu1.cpuUserUs + cpu1.cpuSystemUs - cpu0.cpuUserUs - cpu0.cpuSystemUs) / 1000,
      eventLoopP99Ms: cpu1.eventLoopDelayP99Ms,
      connectFailures,
    };
  } finally {
    measuring = false;
    for (const c of raws) c.close();
    for (const c of rawWriters) c?.close();
    for (const c of realObservers) c?.destroy();
    for (const c of writers) c?.destroy();
    // Let the server finish unloading these rooms (ours unloads idle rooms after 2 s, and compacts) before the next run.
    await sleep(o.settleMs ?? 3_000);
  }
}
